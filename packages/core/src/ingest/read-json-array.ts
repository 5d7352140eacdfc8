import { readFile } from 'node:fs/promises';
import { DataError } from '../errors/touchstone-error.js';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.js';
import { DUPLICATE_KEY_REASON, duplicateKeyReason, findDuplicateKeys } from './json-duplicate-key.js';
import type { SourceRecord } from './source-record.js';

/**
 * Reads a file holding one JSON array of objects (Label Studio exports, for instance); record
 * numbers are 1-based positions in the array. Whole-file: such exports are not streamed by their tools either.
 */
export async function readJsonArray(file: string): Promise<{ records: SourceRecord[]; raw: unknown }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (error) {
    throw new DataError('INGEST_ENCODING', `${file}: not valid UTF-8`, { cause: error, details: [{ file, reason: 'invalid UTF-8' }] });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError('INGEST_EMPTY_FILE', `${file}: the file is empty (no records)`, { details: [{ file, reason: 'no records' }] });
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const reason = `line ${deep} of the file nests more than ${MAX_JSON_DEPTH} arrays/objects deep`;
    throw new DataError('INGEST_TOO_DEEP', `${file}: ${reason}; nothing was imported`, { details: [{ file, reason }] });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DataError('INGEST_PARSE', `${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
      details: [{ file, reason: 'invalid JSON' }],
    });
  }
  const duplicates = new Map(findDuplicateKeys(text, Infinity).reverse().map((d) => [d.record, d.field]));
  if (!Array.isArray(raw) && duplicates.size > 0) {
    // One object holding the records (an API page, an OTLP request): a duplicated key cannot be pinned on one record.
    const reason = duplicateKeyReason([...duplicates.values()][0] ?? '');
    throw new DataError('INGEST_DUPLICATE_KEY', `${file}: ${reason}; nothing was imported`, { details: [{ file, reason }] });
  }
  const list = Array.isArray(raw) ? raw : [raw];
  let objects = 0;
  const records = list.map((value, i): SourceRecord => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { line: i + 1, unit: 'record', untyped: false, value: { parseError: 'expected a JSON object' } };
    objects += 1;
    const field = duplicates.get(objects);
    if (field !== undefined) return { line: i + 1, unit: 'record', untyped: false, value: { parseError: DUPLICATE_KEY_REASON, parseErrorField: field } };
    return { line: i + 1, unit: 'record', untyped: false, value: value as Record<string, unknown> };
  });
  return { records, raw };
}
