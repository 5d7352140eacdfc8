import { createReadStream } from 'node:fs';
import { DataError } from '../errors/touchstone-error.js';
import type { SourceRecord } from './source-record.js';

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Streams a JSONL file record by record with exact 1-based line numbers, in bounded memory.
 * - a UTF-8 byte order mark is skipped; CRLF line ends are accepted;
 * - blank lines are skipped (they are not records);
 * - invalid UTF-8 and a final line cut off mid-record become parse errors on that line;
 * - an empty file is a DataError (INGEST_EMPTY_FILE).
 */
export async function* readJsonl(file: string): AsyncGenerator<SourceRecord> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  let sawBytes = false;
  let sawRecord = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (!sawBytes && buf.length > 0) {
      sawBytes = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE, start); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
      line += 1;
      const record = parseLine(buf.subarray(start, nl), line, false);
      if (record !== undefined) {
        sawRecord = true;
        yield record;
      }
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
  }
  if (carry.length > 0) {
    line += 1;
    const record = parseLine(carry, line, true);
    if (record !== undefined) {
      sawRecord = true;
      yield record;
    }
  }
  if (!sawRecord) {
    throw new DataError('INGEST_EMPTY_FILE', `${file}: the file is empty (no records${sawBytes ? ', only blank lines' : ''})`, {
      details: [{ file, reason: 'no records' }],
    });
  }
}

function parseLine(bytes: Buffer, line: number, last: boolean): SourceRecord | undefined {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(0, end));
  } catch {
    return { line, untyped: false, value: { parseError: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)} of the line` } };
  }
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { line, untyped: false, value: { parseError: 'a JSONL line must be a JSON object' } };
    }
    return { line, untyped: false, value: value as Record<string, unknown> };
  } catch (error) {
    const reason = last
      ? 'truncated record: the file ends in the middle of this line (was it cut off while copying?)'
      : `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { line, untyped: false, value: { parseError: reason } };
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 1; i <= bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(0, i));
    } catch {
      // A prefix that ends mid-character also throws; confirm the byte is invalid by looking ahead 3 bytes.
      let ok = false;
      for (let j = i + 1; j <= Math.min(bytes.length, i + 3) && !ok; j++) {
        try {
          decoder.decode(bytes.subarray(0, j));
          ok = true;
        } catch {
          /* still invalid */
        }
      }
      if (!ok) return i;
    }
  }
  return bytes.length;
}
