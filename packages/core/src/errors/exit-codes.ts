import { TouchstoneError } from './touchstone-error.js';

/** Exit codes shared by every command: 0 clean, 1 a finding, 2 usage/config, 3 data/store. */
export const EXIT = { ok: 0, finding: 1, usage: 2, data: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof TouchstoneError) {
    return error.category === 'usage' || error.category === 'config' ? EXIT.usage : EXIT.data;
  }
  return EXIT.data;
}
