import { createReadStream } from 'node:fs';
import { jsonlDuplicateKeyCheck } from '../json-duplicate-key.js';

const PATTERNS = [
  { bytes: '\n\n', reason: 'blank line' },
  { bytes: '\n ', reason: 'line starting with white space' },
  { bytes: '\n\t', reason: 'line starting with white space' },
  { bytes: '\r', reason: 'carriage return' },
  { bytes: 'null', reason: 'null value' },
] as const;

/**
 * Whether DuckDB's JSON reader can stage a JSONL file exactly as the line-by-line reader would:
 * no byte order mark and no blank or indented lines (DuckDB skips blank lines, so its row ordinal
 * would no longer be the line number), no CR, and no `null` anywhere (DuckDB reads a JSON null like
 * a missing key while zod rejects null; a false positive only costs speed). One pass; the seam
 * between two reads is checked too, so a pattern split across reads is still found. A key given twice
 * in one object (DuckDB keeps one value silently) also sends the file to the zod path, which names it.
 */
export async function scanJsonl(file: string): Promise<{ eligible: boolean; reason?: string }> {
  // Starting with "\n" makes a blank or indented first line match the patterns above.
  let tail = Buffer.from('\n');
  let empty = true;
  const duplicates = jsonlDuplicateKeyCheck();
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    if (empty && chunk.length > 0) {
      empty = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return { eligible: false, reason: 'byte order mark' };
    }
    const seam = Buffer.concat([tail, chunk.subarray(0, 4)]);
    for (const p of PATTERNS) {
      if (seam.indexOf(p.bytes) !== -1 || chunk.indexOf(p.bytes) !== -1) return { eligible: false, reason: p.reason };
    }
    if (duplicates.push(chunk)) return { eligible: false, reason: 'duplicate key' };
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 4)));
  }
  if (duplicates.end()) return { eligible: false, reason: 'duplicate key' };
  return empty ? { eligible: false, reason: 'empty' } : { eligible: true };
}
