import type { ReactNode } from 'react';
import type { Capability } from '../data/capability.js';
import type { Loaded } from '../resource-cache.js';
import { LoadState } from './LoadState.js';
import { NotAvailable } from './NotAvailable.js';

export interface CapabilityViewProps<T> {
  readonly loaded: Loaded<Capability<T>>;
  readonly label: string;
  readonly children: (value: T) => ReactNode;
  /** Show the reason under the command (full screens) or only the command (summary rows). */
  readonly brief?: boolean;
}

/** A panel over a capability: spinner, error, "not available: run …", or the children. */
export function CapabilityView<T>({ loaded, label, children, brief = false }: CapabilityViewProps<T>) {
  return (
    <LoadState loaded={loaded} label={label}>
      {(cap) => (cap.available ? children(cap.value) : <NotAvailable command={cap.command} {...(brief ? {} : { reason: cap.reason })} />)}
    </LoadState>
  );
}
