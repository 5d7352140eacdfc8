import { createContext } from 'react';
import type { AuditSource } from './data/audit-source.js';
import type { ResourceCache } from './resource-cache.js';
import type { Theme } from './theme.js';

export interface AuditEnv {
  readonly source: AuditSource;
  readonly cache: ResourceCache;
  readonly theme: Theme;
  /** Fixed terminal size (tests); the real terminal's size otherwise. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

export const AuditContext = createContext<AuditEnv | null>(null);

