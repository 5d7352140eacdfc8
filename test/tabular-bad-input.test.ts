import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { countRows } from './helpers/count-rows.js';

// Issue 12's "wrong reasons" for CSV/TSV and Parquet, through the real CLI: a ragged row or bytes
// that are not UTF-8 are blamed on their own line (never a valid row, never "no data rows"), and
// NaN, ±Infinity (1e309) and null in Parquet are named by record and field.
const tmp = tempDir('touchstone-tabular-bad-');
afterAll(() => tmp.cleanup());
const write = (name: string, text: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};
const NO_STACK = /\n\s+at |internal error/;
const fields = (found: number, header: number): string => `${found} field${found === 1 ? '' : 's'}, header has ${header}`;
const AT = '2026-01-05T10:00:00Z';

/** Writes `select` to a Parquet file with DuckDB, as a pipeline would. */
async function parquet(name: string, select: string): Promise<string> {
  const path = join(tmp.dir, name);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`COPY (${select}) TO '${path}' (FORMAT PARQUET)`);
  con.closeSync();
  instance.closeSync();
  return path;
}

/** The three record kinds, each with a header, a valid row maker and the CLI arguments to ingest it. */
const KINDS = [
  { kind: 'labels', header: ['item_id', 'labeler_id', 'label', 'labeled_at'], row: (i: number) => [`i${i}`, 'ann', String(1 + (i % 5)), AT], table: 'labels', args: ['--gold', 'g', '--scale', 'ordinal:1-5'] },
  { kind: 'traffic', header: ['id', 'timestamp', 'input', 'output'], row: (i: number) => [`t${i}`, AT, `question ${i}`, 'answer'], table: 'traffic', args: ['--no-redact-on-ingest'] },
  { kind: 'traffic', header: ['id', 'timestamp', 'input', 'output'], row: (i: number) => [`t${i}`, AT, `question ${i}`, 'answer'], table: 'traffic', args: [] },
  { kind: 'judge', header: ['item_id', 'score'], row: (i: number) => [`i${i}`, String(1 + (i % 5))], table: 'judge_scores', args: ['--gold', 'g', '--judge', 'j'] },
] as const;

describe('CSV/TSV: a bad line is blamed by its own number and what is wrong (real CLI)', () => {
  for (const [k, spec] of KINDS.entries()) {
    for (const sep of [',', '\t'] as const) {
      const ext = sep === ',' ? 'csv' : 'tsv';
      it(`${spec.kind} ${spec.args.join(' ')} ${ext}: ragged rows, extra columns on every row, bytes that are not UTF-8`, async () => {
        const db = join(tmp.dir, `${k}-${ext}.duckdb`);
        // The gold set (and its item texts) the judge scores refer to.
        const gold = write(`gold-${k}-${ext}.jsonl`, Array.from({ length: 6 }, (_, i) => JSON.stringify({ item_id: `i${i}`, labeler_id: 'ann', label: 3, labeled_at: AT })).join('\n') + '\n');
        expect((await runCli(['--db', db, 'ingest', 'labels', gold, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
        const before = await countRows(db, spec.table);
        const line = (cells: readonly string[]): string => cells.join(sep);
        const n = spec.header.length;
        const rows = [0, 1, 2, 3].map((i) => line(spec.row(i)));
        rows[1] = `${rows[1] ?? ''}${sep}extra`;
        rows[2] = line(spec.row(2).slice(0, -1));
        const ragged = write(`${k}-ragged.${ext}`, [line(spec.header), ...rows].join('\n') + '\n');
        const r = await runCli(['--db', db, 'ingest', spec.kind, ragged, ...spec.args]);
        expect(r.code, r.stderr).toBe(3);
        expect(r.stderr).toContain(`${ragged}: 2 of 4 records are invalid; nothing was imported`);
        expect(r.stderr).toContain(`${ragged}:3: ${fields(n + 1, n)}`);
        expect(r.stderr).toContain(`${ragged}:4: ${fields(n - 1, n)}`);
        expect(r.stderr).not.toContain(`${ragged}:2:`);
        expect(r.stderr).not.toContain(`${ragged}:5:`);
        expect(r.stderr).not.toMatch(NO_STACK);
        const s = await runCli(['--db', db, 'ingest', spec.kind, ragged, ...spec.args, '--skip-invalid', '--json']);
        expect(s.code, s.stderr).toBe(0);
        expect(JSON.parse(s.stdout)).toMatchObject({ read: 4, accepted: 2, rejected: 2, inserted: 2 });
        const quarantined = readFileSync(`${ragged}.rejected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; reason: string });
        expect(quarantined.map((q) => [q.line, q.reason])).toEqual([[3, fields(n + 1, n)], [4, fields(n - 1, n)]]);
        expect(await countRows(db, spec.table)).toBe(before + 2);

        const extra = write(`${k}-extra.${ext}`, [line(spec.header), ...[4, 5].map((i) => line([...spec.row(i), 'x']))].join('\n') + '\n');
        const e = await runCli(['--db', db, 'ingest', spec.kind, extra, ...spec.args]);
        expect(e.code).toBe(3);
        expect(e.stderr).not.toContain('no data rows');
        expect(e.stderr).toContain(`${extra}:2: ${fields(n + 1, n)}`);
        expect(e.stderr).toContain(`${extra}:3: ${fields(n + 1, n)}`);

        const cells = spec.row(5);
        const bad = Buffer.concat([Buffer.from(`${line(spec.header)}\n${line(spec.row(4))}\n`), Buffer.from([0x69, 0xc3, 0x28, 0xff]), Buffer.from(`${sep}${line(cells.slice(1))}\n`)]);
        const utf = write(`${k}-utf8.${ext}`, bad);
        const u = await runCli(['--db', db, 'ingest', spec.kind, utf, ...spec.args]);
        expect(u.code).toBe(3);
        expect(u.stderr).toContain(`${utf}:3: the bytes of this line are not UTF-8`);
        expect(u.stderr).not.toContain('CSV Error on Line');
        const head = write(`${k}-head.${ext}`, Buffer.concat([Buffer.from([0xff]), Buffer.from(`${line(spec.header)}\n${line(spec.row(4))}\n`)]));
        const h = await runCli(['--db', db, 'ingest', spec.kind, head, ...spec.args]);
        expect(h.code).toBe(3);
        expect(h.stderr).toContain(`${head}:1: the header's bytes are not UTF-8`);
        expect(await countRows(db, spec.table)).toBe(before + 2);
        expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
      });
    }
  }
});

describe('Parquet: NaN, ±Infinity and null are named by record and field (real CLI)', () => {
  it('labels, judge scores and traffic timestamps', async () => {
    const db = join(tmp.dir, 'parquet.duckdb');
    const labels = await parquet('labels.parquet', `SELECT * FROM (VALUES ('a', 'x', 3.0, '${AT}'), ('b', 'x', 1e308 * 10, '${AT}'), ('c', 'x', NULL, '${AT}'), ('d', 'x', 'NaN'::DOUBLE, '${AT}')) t(item_id, labeler_id, label, labeled_at)`);
    const l = await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5']);
    expect(l.code).toBe(3);
    expect(l.stderr).toContain(`${labels}: record 2: field "label": Infinity is not a finite number`);
    expect(l.stderr).toContain(`${labels}: record 3: field "label": required field is missing`);
    expect(l.stderr).toContain(`${labels}: record 4: field "label": NaN is not a number`);
    expect(l.stderr).not.toContain('Invalid input');
    const good = write('good.jsonl', `${JSON.stringify({ item_id: 'a', labeler_id: 'x', label: 3, labeled_at: AT })}\n`);
    expect((await runCli(['--db', db, 'ingest', 'labels', good, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);

    const judge = await parquet('judge.parquet', `SELECT * FROM (VALUES ('a', 3.0), ('a', '-Infinity'::DOUBLE), ('a', NULL)) t(item_id, score)`);
    const j = await runCli(['--db', db, 'ingest', 'judge', judge, '--gold', 'g', '--judge', 'j']);
    expect(j.code).toBe(3);
    expect(j.stderr).toContain(`${judge}: record 2: field "score": -Infinity is not a finite number`);
    expect(j.stderr).toContain(`${judge}: record 3: field "score": required field is missing`);

    const traffic = await parquet('traffic.parquet', `SELECT * FROM (VALUES ('t1', 'hi', '${AT}'::TIMESTAMPTZ, 0.5), ('t2', 'hi', 'infinity'::TIMESTAMPTZ, 0.5), ('t3', 'hi', '${AT}'::TIMESTAMPTZ, 'NaN'::DOUBLE)) t(id, input, timestamp, judge_score)`);
    for (const extra of [[], ['--no-redact-on-ingest']]) {
      const t = await runCli(['--db', db, 'ingest', 'traffic', traffic, ...extra]);
      expect(t.code, t.stderr).toBe(3);
      expect(t.stderr).toContain(`${traffic}: record 2: field "timestamp": infinity is not a finite timestamp`);
      expect(t.stderr).toContain(`${traffic}: record 3: field "judge_score": NaN is not a number`);
      expect(t.stderr).not.toMatch(NO_STACK);
    }
    const epoch = await parquet('epoch.parquet', `SELECT * FROM (VALUES ('t1', 'hi', 'Infinity'::DOUBLE), ('t2', 'hi', 'NaN'::DOUBLE)) t(id, input, timestamp)`);
    const t = await runCli(['--db', db, 'ingest', 'traffic', epoch]);
    expect(t.stderr).toContain(`${epoch}: record 1: field "timestamp": Infinity is not a finite number`);
    expect(t.stderr).toContain(`${epoch}: record 2: field "timestamp": NaN is not a number`);
    expect(await countRows(db, 'judge_scores')).toBe(0);
    expect(await countRows(db, 'traffic')).toBe(0);
    expect(await countRows(db, 'labels')).toBe(1);
  });
});
