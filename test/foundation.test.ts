import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const line = (o: object): string => `${JSON.stringify(o)}\n`;
const rec = (i: number, labeler = 'ann', label: unknown = 4) => line({ item_id: `i${i}`, labeler_id: labeler, label, labeled_at: '2026-03-01T09:00:00Z', slice: 'tone' });

describe('touchstone foundation (real CLI process, real DuckDB file)', () => {
  it('reports a malformed line by number, exits 3, and leaves the store unchanged', async () => {
    const db = join(tmp.dir, 'malformed.duckdb');
    const good = join(tmp.dir, 'good.jsonl');
    writeFileSync(good, rec(1) + rec(2));
    expect((await runCli(['--db', db, 'ingest', 'labels', good, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
    const before = await runCli(['--db', db, 'provenance', '--gold', 'g', '--json']);

    const bad = join(tmp.dir, 'bad.jsonl');
    writeFileSync(bad, `${rec(3)}{"item_id": "i4", "labeler_id": "ann", "label": 4,\n${rec(5, 'bob', 7)}`);
    const r = await runCli(['--db', db, 'ingest', 'labels', bad, '--gold', 'g']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2 of 3 records are invalid; nothing was imported');
    expect(r.stderr).toMatch(/bad\.jsonl:2: invalid JSON/);
    expect(r.stderr).toContain('bad.jsonl:3: field "label": 7 is off the ordinal scale 1–5');
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const after = await runCli(['--db', db, 'provenance', '--gold', 'g', '--json']);
    expect(after.stdout).toBe(before.stdout);
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });

  it('prints one JSON error document under --json, and exit 2 for usage errors', async () => {
    const db = join(tmp.dir, 'usage.duckdb');
    const missing = await runCli(['--db', db, 'ingest', 'labels', join(tmp.dir, 'nope.jsonl'), '--gold', 'g', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'INPUT_NO_FILE' }, exit_code: 3 });
    const noGold = await runCli(['--db', db, 'ingest', 'labels', 'x.jsonl']);
    expect(noGold.code).toBe(2);
    expect(noGold.stderr).toContain("required option '--gold <name>' not specified");
    const badScale = await runCli(['--db', db, 'ingest', 'labels', join(tmp.dir, 'good.jsonl'), '--gold', 'g', '--scale', 'ordinal:five']);
    expect(badScale.code).toBe(2);
    expect(badScale.stderr).toContain('give the range as ordinal:MIN-MAX');
    const badNumber = await runCli(['--db', db, 'ingest', 'labels', join(tmp.dir, 'good.jsonl'), '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', 'abc']);
    expect([badNumber.code, badNumber.stderr.trim()]).toEqual([2, 'touchstone: --pass-threshold expects a number, got "abc"']);
    const emptyGold = await runCli(['--db', db, 'provenance', '--gold', '']);
    expect([emptyGold.code, emptyGold.stderr.trim()]).toEqual([2, 'touchstone: touchstone provenance: --gold must not be empty (see touchstone provenance --help)']);
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['no-such-command'])).code).toBe(2);
  });

  it('gives clear messages for an empty file, invalid UTF-8 and a truncated last line', async () => {
    const db = join(tmp.dir, 'enc.duckdb');
    const empty = join(tmp.dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const e = await runCli(['--db', db, 'ingest', 'labels', empty, '--gold', 'g']);
    expect([e.code, e.stderr.trim()]).toEqual([3, `touchstone: ${empty}: the file is empty (no records)`]);
    const utf = join(tmp.dir, 'utf.jsonl');
    writeFileSync(utf, Buffer.concat([Buffer.from(rec(1)), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect((await runCli(['--db', db, 'ingest', 'labels', utf, '--gold', 'g'])).stderr).toContain('utf.jsonl:2: invalid UTF-8 at byte 1 of the line');
    const trunc = join(tmp.dir, 'trunc.jsonl');
    writeFileSync(trunc, `${rec(1)}{"item_id": "i2", "labeler_id": "a`);
    expect((await runCli(['--db', db, 'ingest', 'labels', trunc, '--gold', 'g'])).stderr).toContain('trunc.jsonl:2: truncated record');
  });

  it('--skip-invalid imports the rest, writes the quarantine, and reconciles read = accepted + rejected', async () => {
    const db = join(tmp.dir, 'skip.duckdb');
    const f = join(tmp.dir, 'mixed.jsonl');
    writeFileSync(f, rec(1) + rec(2, 'bob', 'high') + rec(3));
    const r = await runCli(['--db', db, 'ingest', 'labels', f, '--gold', 'g', '--scale', 'ordinal:1-5', '--skip-invalid', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { read: number; accepted: number; rejected: number; quarantine_file: string };
    expect([s.read, s.accepted, s.rejected]).toEqual([3, 2, 1]);
    expect(s.quarantine_file).toBe(`${f}.rejected.jsonl`);
  });

  it('verify exits 1 and names a label changed with raw SQL on the DuckDB file', async () => {
    const db = join(tmp.dir, 'tamper.duckdb');
    const f = join(tmp.dir, 't.jsonl');
    writeFileSync(f, rec(1, 'ann', 4) + rec(2, 'ann', 2) + rec(2, 'bob', 3));
    expect((await runCli(['--db', db, 'ingest', 'labels', f, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
    const ok = await runCli(['--db', db, 'verify', '--json']);
    expect(ok.code).toBe(0);
    const head = (JSON.parse(ok.stdout) as { head_hash: string }).head_hash;
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(db);
    const con = await inst.connect();
    await con.run(`UPDATE labels SET label_value = 5 WHERE item_id = 'i2' AND labeler_id = 'ann'`);
    con.closeSync();
    inst.closeSync();
    const r = await runCli(['--db', db, 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('label #2 (gold g, item i2, by ann, batch 1) was edited');
    const json = JSON.parse((await runCli(['--db', db, 'verify', '--json', '--expect-head', head])).stdout) as { intact: boolean; findings: { kind: string; item_id: string }[] };
    expect(json.intact).toBe(false);
    expect(json.findings).toContainEqual(expect.objectContaining({ kind: 'edited', item_id: 'i2' }));
  });

  it('gold snapshot and diff through the CLI', async () => {
    const db = join(tmp.dir, 'snap.duckdb');
    const f = join(tmp.dir, 's.jsonl');
    writeFileSync(f, rec(1, 'ann', 5) + rec(1, 'lenient', 5) + rec(2, 'lenient', 5));
    await runCli(['--db', db, 'ingest', 'labels', f, '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', '4']);
    expect((await runCli(['--db', db, 'gold', 'snapshot', 'g', '--tag', 'v1'])).code).toBe(0);
    expect((await runCli(['--db', db, 'gold', 'snapshot', 'g', '--tag', 'v1'])).code).toBe(2);
    const ex = await runCli(['--db', db, 'gold', 'snapshot', 'g', '--tag', 'no-lenient', '--exclude-labeler', 'lenient', '--json']);
    expect(JSON.parse(ex.stdout)).toMatchObject({ n_items: 1, excluded_labelers: ['lenient'] });
    const d = JSON.parse((await runCli(['--db', db, 'gold', 'diff', 'g', 'v1', 'no-lenient', '--json'])).stdout) as { counts: object };
    expect(d.counts).toEqual({ added: 0, removed: 1, relabeled: 0, pass_flips: 0 });
  });
});
