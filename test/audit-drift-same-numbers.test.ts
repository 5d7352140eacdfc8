import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore } from './audit-fixture.js';
import { runCli, tempDir } from './helpers/cli.js';

// Before any drift-check run, the audit computes the newest shadow set's drift report itself. It must
// be the report `touchstone drift` prints, judge-error correction included (the gold set has judge scores).
const tmp = tempDir('touchstone-audit-drift-');
let db: string;
beforeAll(async () => {
  db = await buildAuditStore(tmp.dir);
  const lines: string[] = [];
  for (let r = 0; r < 200; r++) {
    lines.push(JSON.stringify({ id: `t${r}`, timestamp: `2026-04-0${1 + (r % 7)}T${String(r % 24).padStart(2, '0')}:00:00Z`, input: `Customer ${r} asks about refunds for order ${9000 + r}`, slice: ['refunds', 'tone', 'billing'][r % 3], judge_score: 1 + (r % 5) }));
  }
  writeFileSync(join(tmp.dir, 'traffic.jsonl'), `${lines.join('\n')}\n`);
  for (const args of [['ingest', 'traffic', join(tmp.dir, 'traffic.jsonl')], ['shadow', 'build', '--gold', 'g', '--window', '7d', '--now', '2026-04-08T00:00:00Z', '--size', '100']]) {
    const r = await runCli(['--db', db, ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('the audit computes drift as touchstone drift does', () => {
  it('same pass rates, judge-error-corrected shadow rate included', async () => {
    const drift = JSON.parse((await runCli(['--db', db, 'drift', '--gold', 'g', '--pass-threshold', '4', '--json'])).stdout) as { pass_rate: { corrected_shadow: unknown }; pass_rule: { source: string } };
    expect(drift.pass_rate.corrected_shadow).not.toBeNull();
    // The report says where the pass rule came from: the flag here, the config below, the gold set without either.
    expect(drift.pass_rule.source).toBe('flag');
    const own = JSON.parse((await runCli(['--db', db, 'drift', '--gold', 'g', '--json'])).stdout) as { pass_rule: { threshold: number; source: string } };
    expect(own.pass_rule).toMatchObject({ threshold: 4, source: 'gold set' });
    writeFileSync(join(tmp.dir, 'touchstone.config.json'), JSON.stringify({ drift: { pass_threshold: 4 } }));
    const audit = await runCli(['--db', db, 'audit', '--gold', 'g', '--json'], { cwd: tmp.dir });
    expect(audit.code, audit.stderr).toBe(0);
    const doc = JSON.parse(audit.stdout) as { drift: { available: boolean; value: { report: { pass_rate: unknown; pass_rule: { source: string } } } } };
    expect(doc.drift.available).toBe(true);
    expect(doc.drift.value.report.pass_rule.source).toBe('config');
    expect(doc.drift.value.report.pass_rate).toEqual((drift as { pass_rate: unknown }).pass_rate);
  });
});
