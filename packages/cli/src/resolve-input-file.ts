import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '@touchstone/core';

/** An input file path resolved against the working directory; a missing file is a data error (exit 3). */
export function resolveInputFile(cwd: string, file: string): string {
  const full = resolve(cwd, file);
  if (!existsSync(full)) throw new DataError('INPUT_NO_FILE', `${file}: no such file`, { details: [{ file, reason: 'no such file' }] });
  if (!statSync(full).isFile()) throw new DataError('INPUT_NOT_FILE', `${file}: not a regular file`, { details: [{ file, reason: 'not a file' }] });
  return full;
}
