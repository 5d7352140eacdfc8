import { readFileSync } from 'node:fs';
import { DataError } from '../errors/touchstone-error.js';
import { isPlainObject } from './source-fields.js';

/** alias → canonical labeler id. */
export type LabelerMap = Readonly<Record<string, string>>;

/**
 * Reads `--labeler-map FILE`: one person known by several ids across exports (Label Studio's numeric
 * user id in the JSON export and the email in JSON-MIN/CSV, a Prodigy session name, a Langfuse user
 * id) mapped to one canonical labeler id. JSON: an object `{"alias": "canonical"}`. CSV: two
 * columns `alias,labeler_id` (a header row naming them is skipped). An alias listed twice with
 * different ids, or an id that is both an alias and a canonical id, is refused naming file and line.
 * @throws DataError
 */
export function readLabelerMap(file: string): LabelerMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new DataError('LABELER_MAP_UNREADABLE', `${file}: cannot read the labeler map`, { cause: error, details: [{ file, reason: 'unreadable' }] });
  }
  const pairs: { alias: string; canonical: string; line: number }[] = [];
  const fail = (line: number | undefined, reason: string): never => {
    throw new DataError('LABELER_MAP_INVALID', `${file}${line === undefined ? '' : `:${line}`}: ${reason}`, { details: [{ file, ...(line === undefined ? {} : { line }), reason }] });
  };
  if (/^\s*[{[]/.test(text)) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      fail(undefined, 'not valid JSON (expected an object {"alias": "canonical id"})');
    }
    if (!isPlainObject(raw)) return fail(undefined, 'expected a JSON object {"alias": "canonical id"}');
    for (const [alias, canonical] of Object.entries(raw)) {
      if (typeof canonical !== 'string' && typeof canonical !== 'number') fail(undefined, `alias "${alias}": the canonical id must be a string`);
      pairs.push({ alias, canonical: String(canonical), line: 0 });
    }
  } else {
    text.split(/\r?\n/).forEach((row, i) => {
      if (row.trim() === '') return;
      const cells = row.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      if (i === 0 && cells[0]?.toLowerCase() === 'alias') return;
      if (cells.length !== 2) fail(i + 1, `expected two columns, alias and labeler_id; found ${cells.length}`);
      pairs.push({ alias: cells[0] ?? '', canonical: cells[1] ?? '', line: i + 1 });
    });
  }
  const map: Record<string, string> = {};
  for (const { alias, canonical, line } of pairs) {
    const at = line === 0 ? undefined : line;
    if (alias.trim() === '' || canonical.trim() === '') fail(at, 'an alias and its labeler id must both be non-empty');
    const prior = map[alias];
    if (prior !== undefined && prior !== canonical) fail(at, `alias "${alias}" maps to both "${prior}" and "${canonical}"`);
    map[alias] = canonical;
  }
  for (const [alias, canonical] of Object.entries(map)) {
    if (Object.hasOwn(map, canonical) && map[canonical] !== canonical) fail(undefined, `"${canonical}" is both the id "${alias}" maps to and an alias of "${map[canonical] ?? ''}"; map every alias straight to the one id`);
  }
  if (Object.keys(map).length === 0) fail(undefined, 'the labeler map is empty');
  return map;
}
