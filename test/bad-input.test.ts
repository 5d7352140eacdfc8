import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './helpers/cli.js';
import { countRows } from './helpers/count-rows.js';

// Input that used to get through or crash (issue 12), through the real CLI: each is refused with a
// message naming file, line and field (or said so, when it is stored), never a stack trace.
const tmp = tempDir('touchstone-bad-input-');
afterAll(() => tmp.cleanup());
const write = (name: string, text: string): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonl = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const label = (item: string, labeler: string, value: unknown, at = '2026-01-05T10:00:00Z') => ({ item_id: item, labeler_id: labeler, label: value, labeled_at: at });
const NO_STACK = /\n\s+at |internal error/;

describe('bad input is refused with file, line and field, or said so (real CLI)', () => {
  it('a line nested 100,000 deep under --skip-invalid is quarantined, not a stack trace', async () => {
    const db = join(tmp.dir, 'deep.duckdb');
    const file = write('deep.jsonl', `${JSON.stringify(label('a', 'x', 3))}\n{"item_id":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`);
    const r = await runCli(['--db', db, 'ingest', 'labels', file, '--gold', 'g', '--scale', 'ordinal:1-5', '--skip-invalid', '--json']);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, accepted: 1, rejected: 1, inserted: 1 });
    const q = JSON.parse(readFileSync(`${file}.rejected.jsonl`, 'utf8').trim()) as Record<string, unknown>;
    // The reader refuses nesting past 512 levels by line, before any field is read.
    expect(q).toMatchObject({ line: 2, field: null, record: { parseError: expect.stringMatching(/nested more than 512/) as unknown } });
    expect(await countRows(db, 'labels')).toBe(1);
  });

  it('a Prodigy _timestamp of 1e20 and an OTel startTimeUnixNano of 26 digits are named by line and field, not a stack trace', async () => {
    const db = join(tmp.dir, 'times.duckdb');
    const fixtures = join(REPO, 'packages/core/src/importers/fixtures');
    const first = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(fixtures, name), 'utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    const prodigy = write('prodigy-1e20.jsonl', `${JSON.stringify({ ...first('prodigy-db-out.jsonl'), _timestamp: 1e20 })}\n`);
    const p = await runCli(['--db', db, 'ingest', 'labels', prodigy, '--gold', 'pd', '--scale', 'nominal:pass,fail', '--pass-categories', 'pass']);
    expect(p.code).toBe(3);
    expect(p.stderr).toContain(`${prodigy}:1: _timestamp: 100000000000000000000 is not a time in Unix seconds`);
    expect(p.stderr).not.toMatch(NO_STACK);
    const span = JSON.stringify(first('otel-genai.jsonl')).replace(/"startTimeUnixNano":"\d+"/, '"startTimeUnixNano":"17174304001234567890123456"');
    expect(span).toContain('17174304001234567890123456');
    const otel = write('otel-26.jsonl', `${span}\n`);
    const o = await runCli(['--db', db, 'ingest', 'traffic', otel]);
    expect(o.code).toBe(3);
    expect(o.stderr).toMatch(new RegExp(`${otel}:1: span \\w+: startTimeUnixNano: "17174304001234567890123456" is not a time in Unix nanoseconds`));
    expect(o.stderr).not.toMatch(NO_STACK);
  });

  it('ids that are blank or hold a NUL, and years 0000 and 2999, are rejected by line and field', async () => {
    const db = join(tmp.dir, 'ids.duckdb');
    const file = write('ids.jsonl', jsonl([label('  ', 'x', 3), label('a\u0000b', 'x', 3), label('c', '\u3000', 3), label('d', 'x', 3, '0000-01-01T00:00:00Z'), label('e', 'x', 3, '2999-01-01T00:00:00Z'), label('f', 'x', 3)]));
    const r = await runCli(['--db', db, 'ingest', 'labels', file, '--gold', 'g', '--scale', 'ordinal:1-5']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('5 of 6 records are invalid; nothing was imported');
    expect(r.stderr).toContain(`${file}:1: field "item_id": must not be only white space`);
    expect(r.stderr).toContain(`${file}:2: field "item_id": must not contain a NUL character`);
    expect(r.stderr).toContain(`${file}:3: field "labeler_id": must not be only white space`);
    expect(r.stderr).toContain(`${file}:4: field "labeled_at": 0000-01-01T00:00:00Z is before 1900`);
    expect(r.stderr).toContain(`${file}:5: field "labeled_at": 2999-01-01T00:00:00Z is in the future`);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a key given twice in one record is refused by file, line/record and field on every reader, quarantined under --skip-invalid', async () => {
    const DUP = (field: string): string => `field "${field}": duplicate key: given more than once in this record`;
    const db = join(tmp.dir, 'dupkey.duckdb');
    // Labels JSONL: eligible for DuckDB's reader (which keeps one value silently) but for the key.
    const labels = write('dupkey.jsonl', `${JSON.stringify(label('a', 'x', 3))}\n{"item_id":"b","labeler_id":"x","label":5,"label":1,"labeled_at":"2026-01-05T10:00:00Z"}\n`);
    const refused = await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`${labels}:2: ${DUP('label')}`);
    expect(refused.stderr).not.toMatch(NO_STACK);
    const skipped = await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5', '--skip-invalid', '--json']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ read: 2, accepted: 1, rejected: 1, inserted: 1 });
    expect(JSON.parse(readFileSync(`${labels}.rejected.jsonl`, 'utf8').trim())).toMatchObject({ line: 2, field: 'label', reason: expect.stringMatching(/^duplicate key: given more than once/) as unknown });
    expect(await countRows(db, 'labels')).toBe(1);

    // Traffic JSONL on both paths (redacting: line by line; --no-redact-on-ingest: DuckDB's reader first).
    const traffic = write('dupkey-traffic.jsonl', '{"id":"t1","timestamp":"2026-01-05T10:00:00Z","input":"hello"}\n{"id":"t2","timestamp":"2026-01-05T10:00:00Z","input":"a","input":"b"}\n');
    for (const extra of [[], ['--no-redact-on-ingest']]) {
      const t = await runCli(['--db', db, 'ingest', 'traffic', traffic, ...extra]);
      expect(t.code).toBe(3);
      expect(t.stderr).toContain(`${traffic}:2: ${DUP('input')}`);
    }
    expect(await countRows(db, 'traffic')).toBe(0);

    // Judge scores as a JSON array, and a Label Studio export with the key twice inside a task.
    const judge = write('dupkey-judge.json', '[{"item_id":"a","score":3},{"item_id":"a","score":5,"score":1}]');
    const j = await runCli(['--db', db, 'ingest', 'judge', judge, '--gold', 'g', '--judge', 'j']);
    expect(j.code).toBe(3);
    expect(j.stderr).toContain(`${judge}: record 2: ${DUP('score')}`);
    const task = (id: number, rating: number) => ({ id, data: { prompt: `p${id}`, response: 'r' }, annotations: [{ id: id * 10, completed_by: 1, was_cancelled: false, created_at: '2026-01-05T10:00:00Z', updated_at: '2026-01-05T10:00:00Z', task: id,
      result: [{ value: { rating }, id: 'x', from_name: 'helpfulness', to_name: 'response', type: 'rating', origin: 'manual' }] }] });
    const ls = write('dupkey-ls.json', JSON.stringify([task(1, 3), task(2, 4)]).replace('"rating":4}', '"rating":4,"rating":1}'));
    const l = await runCli(['--db', db, 'ingest', 'labels', ls, '--gold', 'g2', '--scale', 'ordinal:1-5']);
    expect(l.code).toBe(3);
    expect(l.stderr).toContain(`${ls}: record 2: ${DUP('annotations.result.value.rating')}`);
    expect(l.stderr).not.toMatch(NO_STACK);
  });

  it('the same traffic id with other content is refused naming id, line and fields (in the file and against the store); counts reconcile with stored rows', async () => {
    const db = join(tmp.dir, 'idconflict.duckdb');
    const t = (id: string, input: string, ts = '2026-01-05T10:00:00Z') => ({ id, timestamp: ts, input });
    const first = write('idc-1.jsonl', jsonl([t('t1', 'hello'), t('t2', 'a'), t('t1', 'hello'), t('t1', 'bye', '2026-01-05T11:00:00Z')]));
    for (const extra of [[], ['--no-redact-on-ingest']]) {
      const r = await runCli(['--db', db, 'ingest', 'traffic', first, ...extra]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${first}:4: field "timestamp": id "t1" is already given by line 1 of this file with other content (differs in timestamp, input)`);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
    const ok = await runCli(['--db', db, 'ingest', 'traffic', first, '--skip-invalid', '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ read: 4, accepted: 3, rejected: 1, duplicates: 1, inserted: 2 });
    expect(JSON.parse(readFileSync(`${first}.rejected.jsonl`, 'utf8').trim())).toMatchObject({ line: 4, field: 'timestamp', record: { id: 't1' } });
    const second = write('idc-2.jsonl', jsonl([t('t2', 'a'), t('t1', 'changed'), t('t3', 'new')]));
    const r = await runCli(['--db', db, 'ingest', 'traffic', second, '--no-redact-on-ingest']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${second}:2: field "input": id "t1" is already given by a stored row with other content (differs in input)`);
    const s = await runCli(['--db', db, 'ingest', 'traffic', second, '--no-redact-on-ingest', '--skip-invalid', '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ read: 3, accepted: 2, rejected: 1, duplicates: 1, inserted: 1 });
    expect(await countRows(db, 'traffic')).toBe(3);
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });

  it('--pass-threshold off the scale is a usage error; judge scores off the gold scale are rejected; scores for unknown items are stored and said so', async () => {
    const db = join(tmp.dir, 'judge.duckdb');
    const labels = write('labels.jsonl', jsonl([label('a', 'x', 3), label('b', 'x', 4)]));
    const off = await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', '9']);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('--pass-threshold 9 is outside --scale ordinal:1-5');
    expect((await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', '4'])).code).toBe(0);

    const bad = write('judge-bad.jsonl', jsonl([{ item_id: 'a', score: 'high' }, { item_id: 'b', score: 99 }]));
    const r = await runCli(['--db', db, 'ingest', 'judge', bad, '--gold', 'g', '--judge', 'j']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bad}:1: field "score": "high" is not a number on the ordinal scale 1–5 of gold set "g"`);
    expect(r.stderr).toContain(`${bad}:2: field "score": 99 is off the ordinal scale 1–5 of gold set "g"`);
    expect(await countRows(db, 'judge_scores')).toBe(0);

    const strangers = write('judge-unknown.jsonl', jsonl([{ item_id: 'a', score: 3 }, { item_id: 'zz', score: 4 }]));
    const s = await runCli(['--db', db, 'ingest', 'judge', strangers, '--gold', 'g', '--judge', 'j', '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ inserted: 2, warnings: [{ code: 'JUDGE_UNKNOWN_ITEMS', count: 1 }] });
    const text = await runCli(['--db', db, 'ingest', 'judge', strangers, '--gold', 'g', '--judge', 'j2']);
    expect(text.stdout).toContain('warning   1 of 2 scores are for 1 item not in gold set "g" ("zz")');
    // ... and judge calibrate still runs, pairing only the labeled items.
    const cal = await runCli(['--db', db, 'judge', 'calibrate', '--gold', 'g', '--judge', 'j', '--json']);
    expect(cal.code, cal.stderr).toBe(0);
    expect(JSON.parse(cal.stdout)).toMatchObject({ n_pairs: 1 });
  });

  it('--json usage errors still print one JSON document', async () => {
    for (const args of [['provenance', '--json'], ['verify', '--json', '--bogus'], ['diff', '--json'], ['diff', '--json', 'a', 'b', 'c']]) {
      const r = await runCli(['--db', join(tmp.dir, 'none.duckdb'), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      const doc = JSON.parse(r.stdout) as { error: { category: string; code: string; message: string }; exit_code: number };
      expect(doc).toMatchObject({ error: { category: 'usage' }, exit_code: 2 });
      expect(doc.error.message.length).toBeGreaterThan(0);
    }
  });

  it('diff --markdown escapes table cells and HTML and strips escape codes, as stdout does', async () => {
    const evil = 'refunds|<img src=x onerror=alert(1)>\u001b[31m\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007';
    const run = (pass: (i: number) => boolean) => jsonl(Array.from({ length: 40 }, (_, i) => ({ item_id: `i${i}`, slice: i % 2 === 0 ? evil : 'tone', pass: pass(i) })));
    const base = write('base.jsonl', run(() => true));
    const cand = write('cand.jsonl', run((i) => i % 4 !== 0));
    const md = join(tmp.dir, 'diff.md');
    const r = await runCli(['--db', join(tmp.dir, 'diff.duckdb'), 'diff', base, cand, '--markdown', md]);
    expect([0, 1]).toContain(r.code);
    const text = readFileSync(md, 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('refunds\\|\\<img src=x onerror=alert(1)\\>');
    expect(text).not.toMatch(/(^|[^\\])<img/);
  });
});
