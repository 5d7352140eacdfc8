import type { ReactNode } from 'react';
import type { Loaded } from '../resource-cache.js';
import { Spinner } from './Spinner.js';
import { Tone } from './Tone.js';

export interface LoadStateProps<T> {
  readonly loaded: Loaded<T>;
  /** What is loading, for the spinner ("computing labeler skew"). */
  readonly label: string;
  readonly children: (value: T) => ReactNode;
}

/** A spinner while loading, the error in words when it failed, else the children with the value. */
export function LoadState<T>({ loaded, label, children }: LoadStateProps<T>) {
  if (loaded.state === 'loading') return <Spinner label={`${label}…`} startedAt={loaded.startedAt} />;
  if (loaded.state === 'error') return <Tone tone="bad">✗ {label} failed: {loaded.message}</Tone>;
  return <>{children(loaded.value)}</>;
}
