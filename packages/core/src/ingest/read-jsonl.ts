import { createReadStream } from 'node:fs';
import { DataError } from '../errors/touchstone-error.js';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.js';
import { DUPLICATE_KEY_REASON, findDuplicateKeys } from './json-duplicate-key.js';
import type { SourceRecord } from './source-record.js';

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Streams a JSONL file in batches of records with exact 1-based line numbers, in bounded memory
 * (one 4 MiB read at a time). Each read is decoded at once; only a read with invalid UTF-8 is
 * decoded line by line to say which line and byte.
 * - a UTF-8 byte order mark is skipped; CRLF line ends are accepted; blank lines are not records;
 * - invalid UTF-8 and a final line cut off mid-record become parse errors on that line;
 * - an empty file is a DataError (INGEST_EMPTY_FILE).
 */
export async function* readJsonlBatches(file: string): AsyncGenerator<SourceRecord[]> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  let sawBytes = false;
  let sawRecord = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (!sawBytes && buf.length > 0) {
      sawBytes = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const end = buf.lastIndexOf(NEWLINE);
    if (end === -1) {
      carry = Buffer.from(buf);
      continue;
    }
    const batch: SourceRecord[] = [];
    line = parseBlock(buf.subarray(0, end + 1), line, batch);
    carry = Buffer.from(buf.subarray(end + 1));
    if (batch.length > 0) {
      sawRecord = true;
      yield batch;
    }
  }
  if (carry.length > 0) {
    const record = parseLine(carry, line + 1, true);
    if (record !== undefined) {
      sawRecord = true;
      yield [record];
    }
  }
  if (!sawRecord) {
    throw new DataError('INGEST_EMPTY_FILE', `${file}: the file is empty (no records${sawBytes ? ', only blank lines' : ''})`, {
      details: [{ file, reason: 'no records' }],
    });
  }
}

/** Record by record; see readJsonlBatches. */
export async function* readJsonl(file: string): AsyncGenerator<SourceRecord> {
  for await (const batch of readJsonlBatches(file)) yield* batch;
}

/** Parses whole lines (the block ends with a newline); returns the last line number used. */
function parseBlock(block: Buffer, firstLine: number, out: SourceRecord[]): number {
  let text: string;
  try {
    text = decoder.decode(block);
  } catch {
    let line = firstLine;
    let start = 0;
    for (let nl = block.indexOf(NEWLINE); nl !== -1; nl = block.indexOf(NEWLINE, start)) {
      line += 1;
      const r = parseLine(block.subarray(start, nl), line, false);
      if (r !== undefined) out.push(r);
      start = nl + 1;
    }
    return line;
  }
  let line = firstLine;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    line += 1;
    const r = parseText(text.slice(start, nl), line, false);
    if (r !== undefined) out.push(r);
    start = nl + 1;
  }
  return line;
}

function parseLine(bytes: Buffer, line: number, last: boolean): SourceRecord | undefined {
  try {
    return parseText(decoder.decode(bytes), line, last);
  } catch {
    return { line, untyped: false, value: { parseError: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)} of the line` } };
  }
}

function parseText(raw: string, line: number, last: boolean): SourceRecord | undefined {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text.trim() === '') return undefined;
  if (tooDeepAt(text) !== undefined) return { line, untyped: false, value: { parseError: `nested more than ${MAX_JSON_DEPTH} arrays/objects deep` } };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { line, untyped: false, value: { parseError: 'a JSONL line must be a JSON object' } };
    }
    const [duplicate] = findDuplicateKeys(text, 1);
    if (duplicate !== undefined) return { line, untyped: false, value: { parseError: DUPLICATE_KEY_REASON, parseErrorField: duplicate.field } };
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
      // A prefix ending mid-character also throws; the byte is invalid only if no 1–3 more bytes complete it.
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
