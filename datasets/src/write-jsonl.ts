import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes records as JSONL (one `JSON.stringify` per line, keys in the order the objects were built)
 * through a `.partial` file renamed into place, so a killed run never leaves a half-written file
 * under the final name. Returns the SHA-256 of the bytes written.
 */
export function writeJsonl(path: string, records: readonly object[]): string {
  const parts: string[] = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) parts[i] = `${JSON.stringify(records[i])}\n`;
  return writeAtomically(path, parts.join(''));
}

export function writeAtomically(path: string, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(`${path}.partial`, bytes);
  renameSync(`${path}.partial`, path);
  return createHash('sha256').update(bytes).digest('hex');
}
