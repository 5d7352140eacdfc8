import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';

// The demo, as a new user runs it, at its default seed and five others: `drift-check --gold
// support-demo --now <end>` with no config. The planted effects it must find (manifest.json) are the
// sunset fax intent (stale gold content), the model and prompt-version changes (metadata); the pass
// rule must come from the gold set (ordinal 1–5, pass ≥ 4); pass rates compare the judge with itself,
// and the demo plants no change of quality, so a pass-rate alert may only stand on a same-instrument
// difference whose interval excludes zero. (The new intent crypto_refund belongs to issue #13's coverage part.)
const SEEDS = [20250728, 1, 2, 3, 4, 5];
const tmp = tempDir('touchstone-demo-seeds-');
afterAll(() => tmp.cleanup());

interface Alert { kind: string; name: string; slice: string | null; message: string }
interface Doc {
  alerts: Alert[];
  pass_rule: { threshold: number; source: string; description: string };
  pass_rate: { gold: number | null; shadow: number | null; gold_human: number | null; ci: [number, number] | null };
  pass_rate_by_slice: { slice: string; ci: [number, number] | null }[];
  human_scale: { recommended: string | null; stratified: boolean } | null;
}

describe('drift-check on the demo at six seeds, no config', () => {
  it.each(SEEDS)('seed %i: pass ≥ 4 from the gold set; the fax, model and prompt-version alerts; no pass-rate alert without a same-instrument difference', async (seed) => {
    // Each seed in its own folder: the store at ./.touchstone/touchstone.duckdb, the data beside it.
    const cwd = join(tmp.dir, String(seed));
    mkdirSync(cwd);
    const demo = await runCli(['demo', '--seed', String(seed), '--json'], { cwd });
    expect(demo.code, demo.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, '.touchstone/demo/manifest.json'), 'utf8')) as { seed: number; planted: { traffic: { end: string; sunset_intent: { intent: string } } } };
    expect(manifest.seed).toBe(seed);
    const r = await runCli(['--gold', 'support-demo', '--now', manifest.planted.traffic.end, '--json'], { bin: DRIFT_CHECK, cwd });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.pass_rule).toMatchObject({ threshold: 4, source: 'gold set', description: 'gold set ordinal 1–5, pass ≥ 4' });
    expect(doc.pass_rate.gold).not.toBeNull();
    expect(doc.alerts.some((a) => a.kind === 'stale_content' && /\bfax\b/.test(a.message))).toBe(true);
    expect(doc.alerts.some((a) => a.kind.startsWith('metadata') && a.name === 'model')).toBe(true);
    expect(doc.alerts.some((a) => a.kind.startsWith('metadata') && a.name === 'prompt_version')).toBe(true);
    const rates = doc.alerts.filter((a) => a.kind === 'pass_rate' || a.kind === 'pass_rate_slice');
    for (const a of rates) {
      expect(a.message).toMatch(/^judge on shadow traffic [\d.]+% vs judge on gold [\d.]+%/);
      const c = a.slice === null ? doc.pass_rate : doc.pass_rate_by_slice.find((s) => s.slice === a.slice);
      expect(c?.ci).not.toBeNull();
      expect(c!.ci![0] > 0 || c!.ci![1] < 0, a.message).toBe(true);
    }
    expect(doc.human_scale?.recommended).toBe('rogan_gladen');
    console.log(`demo seed ${seed}: ${doc.alerts.length} alerts (${doc.alerts.map((a) => `${a.kind}:${a.name}`).join(', ')}); judge on gold ${doc.pass_rate.gold} vs shadow ${doc.pass_rate.shadow}`);
  }, 900_000);
});
