import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, schemas } from '@touchstone/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

// Issue 12, PII: `touchstone erase` removes text from traffic, from every shadow-set item and gold
// item drawn from it and from stored drift reports quoting it, keeps the chain verifiable, and leaves no copy of the text in the DuckDB file's bytes;
// `ingest traffic` redacts PII before storing by default.
const tmp = tempDir('touchstone-erase-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'store.duckdb');
const ts = (args: string[], store = db) => runCli(['--db', store, ...args], { cwd: tmp.dir });
// Names no redaction rule can know: only erasure removes them.
const SECRET = (i: number): string => `Zebulon Quixote-Farnsworth${i} of 12 Wisteria Lane`;
let shadowSecrets = 0;
const fileHas = (path: string, text: string): boolean => readFileSync(path).includes(Buffer.from(text));

beforeAll(async () => {
  const labels = join(tmp.dir, 'labels.jsonl');
  const golds = Array.from({ length: 20 }, (_, i) => ({ item_id: `g${i}`, labeler_id: 'ann', label: i % 2, labeled_at: '2026-01-01T00:00:00Z', input: `question ${i}` }));
  // A gold item drawn from request t80 (its trace), carrying the request's text.
  golds.push({ item_id: 'g-from-t80', labeler_id: 'ann', label: 1, labeled_at: '2026-01-01T00:00:00Z', input: `my name is ${SECRET(80)}, call 415.555.0132 249861`, trace_id: 't80' } as (typeof golds)[number]);
  writeFileSync(labels, golds.map((g) => JSON.stringify(g)).join('\n'));
  const traffic = join(tmp.dir, 'traffic.jsonl');
  writeFileSync(traffic, Array.from({ length: 400 }, (_, i) => JSON.stringify({
    id: `t${i}`, timestamp: `2026-02-0${1 + (i % 7)}T10:00:00Z`, input: i % 40 === 0 ? `my name is ${SECRET(i)}, call 415.555.0132 249861` : `how do I reset my password ${i}`,
    output: 'ok', judge_score: i % 3 === 0 ? 0 : 1, metadata: { tenant: i % 40 === 0 ? SECRET(i) : 'acme' },
  })).join('\n'));
  expect((await ts(['ingest', 'labels', labels, '--gold', 'g', '--scale', 'binary'])).code).toBe(0);
  const t = await ts(['ingest', 'traffic', traffic, '--no-redact-on-ingest']);
  expect(t.code, t.stderr).toBe(0);
  const s = await ts(['shadow', 'build', '--gold', 'g', '--window', '7d', '--now', '2026-02-08T00:00:00Z', '--size', '400', '--no-redact', '--json']);
  expect(s.code, s.stderr).toBe(0);
  // The shadow set was built without redaction: it carries the secret too (in input and metadata).
  const store = await openStore(db);
  // (near-duplicate removal keeps some of the ten look-alike requests)
  shadowSecrets = Number((await store.all(`SELECT count(*) AS n FROM shadow_items WHERE input LIKE '%Quixote%'`))[0]?.['n']);
  expect(shadowSecrets).toBeGreaterThan(0);
  store.close();
  // drift-check stores its report, whose coverage-gap examples quote shadow-set items.
  const d = await ts(['drift-check', '--gold', 'g', '--window', '7d', '--now', '2026-02-08T00:00:00Z', '--json']);
  expect([0, 1], d.stderr).toContain(d.code);
  const again = await openStore(db);
  expect(Number((await again.all(`SELECT count(*) AS n FROM drift_runs WHERE report LIKE '%Quixote%'`))[0]?.['n'])).toBeGreaterThan(0);
  // (drift-check may have drawn a shadow set of its own)
  shadowSecrets = Number((await again.all(`SELECT count(*) AS n FROM shadow_items WHERE input LIKE '%Quixote%'`))[0]?.['n']);
  await again.run('CHECKPOINT');
  again.close();
  expect(fileHas(db, SECRET(0))).toBe(true);
}, 300_000);

describe('touchstone erase', () => {
  it('refuses without a selector, without --reason, or with a bad regex (exit 2), erasing nothing', async () => {
    expect((await ts(['erase', '--reason', 'x'])).code).toBe(2);
    expect((await ts(['erase', '--traffic-id', 't0'])).code).toBe(2);
    const bad = await ts(['erase', '--matching', '(unclosed', '--reason', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--matching "\(unclosed" is not a valid regular expression/);
  });

  it('erases by id and by regex: traffic and shadow items lose the text, verify stays intact, the bytes are gone', async () => {
    const a = await ts(['erase', '--traffic-id', 't0', '--reason', 'GDPR request 17', '--actor', 'dpo', '--json']);
    expect(a.code, a.stderr).toBe(0);
    const ra = JSON.parse(a.stdout) as { traffic_rows: number; shadow_items: number; drift_runs: number };
    expect(ra.traffic_rows).toBe(1);
    const b = await ts(['erase', '--matching', 'Quixote', '--reason', 'GDPR request 18', '--json']);
    const rb = JSON.parse(b.stdout) as { traffic_rows: number; shadow_items: number; gold_items: number; drift_runs: number };
    expect(rb.traffic_rows).toBe(9);
    expect(rb.gold_items).toBe(1);
    expect(ra.drift_runs + rb.drift_runs).toBeGreaterThan(0);
    expect(ra.shadow_items + rb.shadow_items).toBe(shadowSecrets);
    const v = await ts(['verify', '--json']);
    expect(v.code, v.stdout).toBe(0);
    const report = schemas.VerifyReportSchema.parse(JSON.parse(v.stdout));
    expect(report).toMatchObject({ intact: true, erased_rows: 10, findings: [] });
    const store = await openStore(db, { readOnly: true });
    expect(await store.all(`SELECT id FROM traffic WHERE input LIKE '%Quixote%' OR metadata LIKE '%Quixote%'`)).toEqual([]);
    expect(await store.all(`SELECT item_id FROM shadow_items WHERE input LIKE '%Quixote%' OR metadata LIKE '%Quixote%'`)).toEqual([]);
    expect(await store.all(`SELECT run_id FROM drift_runs WHERE report LIKE '%Quixote%'`)).toEqual([]);
    expect(await store.all(`SELECT input FROM items WHERE item_id = 'g-from-t80'`)).toEqual([{ input: '[erased]' }]);
    // Nothing else of the store holds it (every text column of every table; the erase events record their selector, "Quixote").
    const columns = await store.all<{ table_name: string; column_name: string }>(`SELECT table_name, column_name FROM duckdb_columns() WHERE data_type = 'VARCHAR' AND database_name <> 'temp' AND NOT internal`);
    for (const c of columns) {
      expect(await store.all(`SELECT 1 FROM "${c.table_name}" WHERE "${c.column_name}" LIKE '%Quixote-Farnsworth%' LIMIT 1`), `${c.table_name}.${c.column_name}`).toEqual([]);
    }
    const events = await store.all<{ kind: string; actor: string; detail: string }>(`SELECT kind, actor, detail FROM batches WHERE kind = 'erase' ORDER BY batch_id`);
    store.close();
    expect(events.map((e) => [e.actor, (JSON.parse(e.detail) as { reason: string }).reason])).toEqual([['dpo', 'GDPR request 17'], [expect.any(String), 'GDPR request 18']]);
    for (let i = 0; i < 400; i += 40) {
      expect(fileHas(db, SECRET(i)), SECRET(i)).toBe(false);
      expect(fileHas(db, `Quixote-Farnsworth${i} `)).toBe(false);
    }
  });

  it('still reads any other change as tampering, erased rows included', async () => {
    const copy = join(tmp.dir, 'tampered.duckdb');
    copyFileSync(db, copy);
    const store = await openStore(copy);
    await store.run(`UPDATE traffic SET input = 'restored text' WHERE id = 't40'`);
    await store.run(`UPDATE traffic SET output = 'forged' WHERE id = 't1'`);
    store.close();
    const v = await ts(['verify', '--json'], copy);
    expect(v.code).toBe(1);
    const f = schemas.VerifyReportSchema.parse(JSON.parse(v.stdout)).findings;
    expect(f.map((x) => [x.kind, x.table, x.item_id])).toEqual(expect.arrayContaining([['edited', 'traffic', 't40'], ['edited', 'traffic', 't1']]));
    expect(f.find((x) => x.item_id === 't40')?.message).toMatch(/erased by batch \d+, was edited: its erased text columns hold text again/);
  });
});

describe('ingest traffic --redact-on-ingest (the default)', () => {
  it('stores and hashes only the redacted text, and records the rules and counts in the chained batch', async () => {
    const other = join(tmp.dir, 'redacted.duckdb');
    const traffic = join(tmp.dir, 'pii.jsonl');
    writeFileSync(traffic, [
      { id: 'a', timestamp: '2026-02-01T00:00:00Z', input: 'card 4111 1111 1111 1111 99 and call 415.555.0132 249861', metadata: { email: 'jane dot doe at example dot com' } },
      { id: 'b', timestamp: '2026-02-01T00:00:00Z', input: 'IBAN DE89 3704 0044 0532 0130 00, ssn 123-45-6789', output: 'noted jane[at]example[.]com' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const r = await ts(['ingest', 'traffic', traffic, '--json'], other);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 2, redactions: { card: 1, phone: 1, email: 2, iban: 1, ssn: 1 } });
    const store = await openStore(other);
    expect(await store.all(`SELECT input, output, metadata FROM traffic ORDER BY seq`)).toEqual([
      { input: 'card [CARD] 99 and call [PHONE] 249861', output: null, metadata: '{"email":"[EMAIL]"}' },
      { input: 'IBAN [IBAN], ssn [SSN]', output: 'noted [EMAIL]', metadata: null },
    ]);
    const detail = (await store.all<{ detail: string }>(`SELECT detail FROM batches`))[0]?.detail ?? '';
    await store.run('CHECKPOINT');
    store.close();
    expect(JSON.parse(detail)).toMatchObject({ redaction: { rules: ['email', 'ipv6', 'ipv4', 'iban', 'card', 'ssn', 'phone'] } });
    expect(fileHas(other, '4111 1111')).toBe(false);
    expect(fileHas(other, '555.0132')).toBe(false);
    expect((await ts(['verify'], other)).code).toBe(0);
  });

  it('a bad custom pattern in touchstone.config.json is exit 2 naming it', async () => {
    writeFileSync(join(tmp.dir, 'bad.json'), JSON.stringify({ pii: { custom: [{ name: 'ticket', pattern: 'TK-(\\d+', replacement: '[TICKET]' }] } }));
    const r = await ts(['ingest', 'traffic', join(tmp.dir, 'pii.jsonl'), '--config', join(tmp.dir, 'bad.json')], join(tmp.dir, 'x.duckdb'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pii.custom\[0\] \("ticket"\): the pattern does not compile/);
  });
});
