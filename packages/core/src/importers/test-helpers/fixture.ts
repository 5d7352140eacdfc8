import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportItem, ImportKind, ImportRecord, Importer } from '../import-item.js';
import { isSkip } from '../import-item.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The parsed records of a fixture: JSON arrays, `{data: […]}` pages and JSONL (blank lines skipped). */
export function fixtureRecords(name: string): Record<string, unknown>[] {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  if (name.endsWith('.jsonl')) return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  const raw = JSON.parse(text) as unknown;
  if (Array.isArray(raw)) return raw as Record<string, unknown>[];
  const page = (raw as { data?: unknown }).data;
  return Array.isArray(page) ? (page as Record<string, unknown>[]) : [raw as Record<string, unknown>];
}

export function readAll(importer: Importer, records: readonly Record<string, unknown>[]): ImportItem[] {
  return records.flatMap((r) => importer.read(r));
}

/** Records (not skips) of one kind. */
export function recordsOf(items: readonly ImportItem[], kind: ImportKind): ImportRecord[] {
  return items.filter((i): i is ImportRecord => i.kind === kind && !isSkip(i));
}

/** Skip reasons of one kind, counted. */
export function skipsOf(items: readonly ImportItem[], kind: ImportKind): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) if (i.kind === kind && isSkip(i)) out[i.skip] = (out[i.skip] ?? 0) + 1;
  return out;
}

/** The canonical value of a record that parsed (fails the test otherwise). */
export function valueOf(item: ImportRecord | undefined): Record<string, unknown> {
  if (item === undefined) throw new Error('no record');
  if ('parseError' in item.value) throw new Error(`parse error: ${String(item.value.parseError)}`);
  return item.value;
}
