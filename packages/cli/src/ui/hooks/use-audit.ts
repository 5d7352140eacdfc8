import { useContext } from 'react';
import { AuditContext, type AuditEnv } from '../audit-context.js';

/** The audit's source, cache, theme and size override, from <AuditContext.Provider>. */
export function useAudit(): AuditEnv {
  const env = useContext(AuditContext);
  if (env === null) throw new Error('useAudit outside <AuditContext.Provider>');
  return env;
}
