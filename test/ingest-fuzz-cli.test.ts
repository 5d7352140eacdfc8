import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '@touchstone/core';
import { runCli, tempDir } from './helpers/cli.js';

// A handful of the fuzz suite's bad inputs (packages/core/src/ingest/ingest-fuzz.test.ts) through
// the real CLI: exit 3 with file, line and field on stderr and no stack trace; the store unchanged
// (or, under --skip-invalid, exactly the valid records stored).
const tmp = tempDir('touchstone-fuzz-cli-');
const db = join(tmp.dir, 'store.duckdb');
afterAll(() => tmp.cleanup());
const write = (name: string, content: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};
const STACK = /\n\s+at |internal error/;

async function rows(): Promise<number> {
  const store = await Store.open(db, { readOnly: true });
  try {
    return (await store.all<{ n: number }>(`SELECT (SELECT count(*) FROM labels) + (SELECT count(*) FROM traffic) + (SELECT count(*) FROM judge_scores) + (SELECT count(*) FROM batches) AS n`))[0]?.n ?? -1;
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  const gold = write('gold.jsonl', `${JSON.stringify({ item_id: 'i1', labeler_id: 'a', label: 3, labeled_at: '2026-01-01T00:00:00Z' })}\n`);
  expect((await runCli(['--db', db, 'ingest', 'labels', gold, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
});

const TS = '2026-01-05T10:00:00Z';
const CASES: readonly { name: string; args: (file: string) => string[]; file: string; content: () => string | Buffer; line: number; field?: string }[] = [
  {
    name: 'traffic JSONL: metadata nested 20,000 deep',
    file: 'deep.jsonl', line: 2,
    content: () => `${JSON.stringify({ id: 't1', timestamp: TS, input: 'a' })}\n{"id":"t2","timestamp":"${TS}","input":"b","metadata":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}\n`,
    args: (f) => ['ingest', 'traffic', f],
  },
  {
    name: 'labels JSON array: 1e309 as the label',
    file: 'huge.json', line: 2, field: 'label',
    content: () => `[{"item_id":"i1","labeler_id":"b","label":3,"labeled_at":"${TS}"},{"item_id":"i2","labeler_id":"b","label":1e309,"labeled_at":"${TS}"}]`,
    args: (f) => ['ingest', 'labels', f, '--gold', 'g'],
  },
  {
    name: 'judge CSV: a row two cells short',
    file: 'short.csv', line: 3,
    content: () => `item_id,score,scored_at\ni1,4,${TS}\ni2\n`,
    args: (f) => ['ingest', 'judge', f, '--gold', 'g', '--judge', 'j'],
  },
  {
    name: 'labels TSV: invalid UTF-8 in a cell',
    file: 'bytes.tsv', line: 3,
    content: () => Buffer.concat([Buffer.from(`item_id\tlabeler_id\tlabel\tlabeled_at\ni1\tc\t3\t${TS}\ni2\td`), Buffer.from([0xc3, 0x28]), Buffer.from(`\t4\t${TS}\n`)]),
    args: (f) => ['ingest', 'labels', f, '--gold', 'g'],
  },
  {
    name: 'Label Studio export: a rating of {"a":1}',
    file: 'ls.json', line: 1,
    content: () => JSON.stringify([{ id: 7, data: { prompt: 'p' }, annotations: [{ id: 70, completed_by: 1, created_at: TS, result: [{ from_name: 'helpfulness', to_name: 'r', type: 'rating', value: { rating: { a: 1 } } }] }] }]),
    args: (f) => ['ingest', 'labels', f, '--gold', 'g', '--format', 'label-studio'],
  },
];

describe('fuzz cases through the real CLI', () => {
  it.each(CASES)('$name: exit 3, file/line/field named, nothing stored', async (c) => {
    const file = write(c.file, c.content());
    const before = await rows();
    const r = await runCli(['--db', db, ...c.args(file)]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(3);
    // JSON arrays and tool exports name the record ("record N"), JSONL and CSV the line.
    expect([`${file}:${c.line}:`, `${file}: record ${c.line}:`].some((at) => r.stderr.includes(at)), r.stderr).toBe(true);
    if (c.field !== undefined) expect(r.stderr).toContain(`field "${c.field}`);
    expect(await rows()).toBe(before);
  });

  it('under --skip-invalid the valid records are stored and the rest quarantined: accepted + rejected = read = stored + quarantined', async () => {
    const file = write('mixed.jsonl', [
      JSON.stringify({ id: 'm1', timestamp: TS, input: 'ok' }),
      `{"id":"m2","timestamp":"${TS}","input":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      '{"id":"m3",',
      JSON.stringify({ id: 'm4', timestamp: '0000-01-01T00:00:00Z', input: 'old' }),
      JSON.stringify({ id: 'm5', timestamp: TS, input: 'ok too' }),
    ].join('\n'));
    const before = await rows();
    const r = await runCli(['--db', db, 'ingest', 'traffic', file, '--skip-invalid', '--json']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { read: number; accepted: number; rejected: number; inserted: number };
    expect(s).toMatchObject({ read: 5, accepted: 2, rejected: 3, inserted: 2 });
    expect(await rows()).toBe(before + 2 + 1);
    expect(readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
