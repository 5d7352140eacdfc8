import { createReadStream } from 'node:fs';
import { DataError } from '../errors/touchstone-error.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const MAX_HEADER_BYTES = 1 << 20;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The column names in line 1 of a CSV/TSV file (RFC 4180 quoting, `"` escaped as `""`), read by
 * us rather than DuckDB's sniffer: on a file with ragged rows the sniffer picks another delimiter
 * or takes a data row for the header, and with `ignore_errors` it drops a header that is not UTF-8
 * and takes line 2 for it. A UTF-8 byte order mark is skipped; a blank name becomes `column<N>`
 * (1-based), as it would be ignored anyway.
 * @throws DataError INGEST_EMPTY_FILE (no header), INGEST_PARSE (line 1 not UTF-8, a name given twice, an over-long header).
 */
export async function readCsvHeader(file: string, delimiter: ',' | '\t'): Promise<string[]> {
  const bytes = await firstRecordBytes(file);
  if (bytes.length === 0) throw new DataError('INGEST_EMPTY_FILE', `${file}: the file is empty (no header line)`, { details: [{ file, reason: 'no header line' }] });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw parseError(file, 'the header\'s bytes are not UTF-8 (save the file as UTF-8)', error);
  }
  const names = splitRecord(text.replace(/^\uFEFF/, ''), delimiter).map((n, i) => (n.trim() === '' ? `column${i + 1}` : n));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw parseError(file, `column "${name}" is named twice in the header`);
    seen.add(name);
  }
  return names;
}

/** The bytes of the first record: up to the first line end outside quotes (the header may quote a line break). */
async function firstRecordBytes(file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let quoted = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 64 << 10 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (!quoted && (b === LF || b === CR)) {
        parts.push(chunk.subarray(0, i));
        return Buffer.concat(parts);
      }
    }
    parts.push(chunk);
    size += chunk.length;
    if (size > MAX_HEADER_BYTES) throw parseError(file, `no end of the header line within its first ${MAX_HEADER_BYTES} bytes`);
  }
  return Buffer.concat(parts);
}

function splitRecord(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function parseError(file: string, reason: string, cause?: unknown): DataError {
  return new DataError('INGEST_PARSE', `${file}:1: ${reason}`, { ...(cause === undefined ? {} : { cause }), details: [{ file, line: 1, reason }] });
}
