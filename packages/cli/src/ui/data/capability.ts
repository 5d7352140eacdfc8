/**
 * A panel's data when the capability behind it exists, or why not and the command that produces
 * it — screens say "not available: run …" instead of showing anything made up.
 */
export type Capability<T> =
  | { readonly available: true; readonly value: T }
  | { readonly available: false; readonly reason: string; readonly command: string };

export function available<T>(value: T): Capability<T> {
  return { available: true, value };
}

export function unavailable<T>(reason: string, command: string): Capability<T> {
  return { available: false, reason, command };
}
