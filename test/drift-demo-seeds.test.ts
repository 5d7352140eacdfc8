import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';

// The demo, as a new user runs it, at its default seed and five others: `drift-check --gold
// support-demo --now <end>` with no config. The planted effects it must find (manifest.json) are the
// sunset fax intent (stale gold content), the model and prompt-version changes (metadata); the pass
// rule must come from the gold set (ordinal 1–5, pass ≥ 4); pass rates compare the judge with itself,
// and the demo plants no change of quality, so a pass-rate alert may only stand on a same-instrument
// difference whose interval excludes zero; the new intent crypto_refund must raise an alert of its own
// (metadata_unseen naming it, or a coverage gap whose examples are its requests). Every alert must be
// explained by a plant; the others are counted as false findings and fail the test. Each seed costs
// about 7 s (demo 5 s, drift-check 2 s), so CI runs all six. Measured 2026-12-05 at all six seeds:
// 6 alerts each (metadata_unseen intent crypto_refund, metadata_mix intent/model/prompt_version,
// coverage_gap with crypto_refund examples, stale_content on fax), 36 alerts, 0 false findings.
// The largest coverage gap is crypto_refund's at all six seeds: its two phrasings (datasets/src/intents.ts)
// share too few character n-grams to link, so it shows as two gaps, 100% crypto_refund, together 5.8–8.0%
// of traffic (gaps by single linkage, issue 13; measured 2026-12-05).
const SEEDS = [20250728, 1, 2, 3, 4, 5];
const tmp = tempDir('touchstone-demo-seeds-');
afterAll(() => tmp.cleanup());

interface Alert { kind: string; name: string; slice: string | null; message: string }

/** Which plant of the demo's manifest explains an alert, or null (a false finding). */
function plantBehind(a: Alert): string | null {
  if (a.kind === 'metadata_unseen' && a.name === 'intent' && a.message.includes('"crypto_refund"')) return 'new intent';
  if (a.kind.startsWith('metadata') && a.name === 'intent') return 'new and sunset intents';
  if (a.kind.startsWith('metadata') && a.name === 'model') return 'model change';
  if (a.kind.startsWith('metadata') && a.name === 'prompt_version') return 'prompt versions';
  if (a.kind === 'coverage_gap' && a.message.includes('intent=crypto_refund')) return 'new intent';
  if (a.kind === 'stale_content' && /\bfax\b/.test(a.message)) return 'sunset intent';
  // crypto_refund's requests fail more often (more hallucinated_policy, datasets/src/traffic.ts): the
  // failure-mode mix and the overall judge pass rate may move with it; a rate within a slice may not.
  if (a.kind === 'slice_mix' || a.kind === 'pass_rate') return 'new intent failure mix';
  return null;
}
interface Doc {
  alerts: Alert[];
  pass_rule: { threshold: number; source: string; description: string };
  pass_rate: { gold: number | null; shadow: number | null; gold_human: number | null; ci: [number, number] | null };
  pass_rate_by_slice: { slice: string; ci: [number, number] | null }[];
  human_scale: { recommended: string | null; stratified: boolean } | null;
  shadow_set: { shadow_id: string; reused: boolean };
  coverage_gaps: { size: number; share: number; top_metadata: { key: string; value: string; share: number }[] }[];
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
    let built: { shadow_id: string; params: { pass_threshold: number; pass_rule: { source: string } } } | undefined;
    if (seed === SEEDS[0]) {
      // `shadow build` takes the pass rule from the gold set exactly as drift-check does (no 0.5 default):
      // the two build the same set, which drift-check then reuses.
      const b = await runCli(['shadow', 'build', '--gold', 'support-demo', '--now', manifest.planted.traffic.end, '--json'], { cwd });
      expect(b.code, b.stderr).toBe(0);
      built = JSON.parse(b.stdout) as typeof built;
      expect(built!.params).toMatchObject({ pass_threshold: 4, pass_rule: { threshold: 4, source: 'gold set', description: 'gold set ordinal 1–5, pass ≥ 4' } });
      const text = await runCli(['shadow', 'show', built!.shadow_id], { cwd });
      expect(text.stdout).toContain('gold set ordinal 1–5, pass ≥ 4 (from the gold set)');
      const neyman = await runCli(['shadow', 'build', '--gold', 'support-demo', '--now', manifest.planted.traffic.end, '--neyman', '--json'], { cwd });
      expect(JSON.parse(neyman.stdout)).toMatchObject({ params: { allocation: 'neyman', pass_threshold: 4, pass_rule: { source: 'gold set' } } });
      const flagged = await runCli(['shadow', 'build', '--gold', 'support-demo', '--now', manifest.planted.traffic.end, '--neyman', '--pass-threshold', '3', '--json'], { cwd });
      expect(JSON.parse(flagged.stdout)).toMatchObject({ params: { pass_threshold: 3, pass_rule: { source: 'flag' } } });
    }
    const r = await runCli(['--gold', 'support-demo', '--now', manifest.planted.traffic.end, '--json'], { bin: DRIFT_CHECK, cwd });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    if (built !== undefined) expect(doc.shadow_set).toMatchObject({ shadow_id: built.shadow_id, reused: true });
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
    expect(doc.alerts.some((a) => plantBehind(a) === 'new intent'), 'an alert on crypto_refund').toBe(true);
    const falseFindings = doc.alerts.filter((a) => plantBehind(a) === null);
    expect(falseFindings.map((a) => a.message)).toEqual([]);
    expect(doc.human_scale?.recommended).toBe('rogan_gladen');
    // The largest coverage gap is the new intent's requests.
    const intentOf = (g: Doc['coverage_gaps'][number]): string => g.top_metadata.filter((m) => m.key === 'intent' && m.share >= 0.9).map((m) => m.value).join('') || '(mixed)';
    expect(intentOf(doc.coverage_gaps[0]!)).toBe('crypto_refund');
    console.log(`demo seed ${seed}: ${doc.alerts.length} alerts (${doc.alerts.map((a) => `${a.kind}:${a.name}`).join(', ')}); judge on gold ${doc.pass_rate.gold} vs shadow ${doc.pass_rate.shadow}; gaps ${doc.coverage_gaps.map((g) => `${g.size} items ${(100 * g.share).toFixed(1)}% ${intentOf(g)}`).join(', ')}`);
  }, 900_000);
});
