import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, SHARED_DATASETS, tempDir } from './helpers/cli.js';

// Real data: CLINC150 (Larson et al. 2019, clinc/oos-eval data_full.json, CC BY 3.0) — intent
// utterances grouped into 10 domains, plus out-of-scope ("oos") utterances. It has no timestamps:
// this test assigns them. Gold = 2,000 training utterances of 9 domains; traffic = test utterances.
const DATA = join(SHARED_DATASETS, 'clinc150.json');
const DOMAINS = join(SHARED_DATASETS, 'clinc150-domains.json');
const present = existsSync(DATA) && existsSync(DOMAINS);
if (!present) console.warn(`SKIPPED drift on real data (CLINC150): ${SHARED_DATASETS} is absent`);

const HELD_OUT = 'travel';
/**
 * A domain gold has and the window's traffic no longer does (a sunset workflow), for the stale-gold
 * store. Measured with each of the nine domains as the sunset one (2026-11-22): kitchen_and_dining,
 * utility and meta alert; home (excess 4.9%, q 0.003) and auto_and_commute (4.1%, q 0.011) are
 * significant but under the 5% effect threshold; banking, credit_cards, work and small_talk are not
 * found (excess ≤ 2.6%): their utterances share too many character n-grams with other domains
 * (banking with credit_cards) for a gold item to lack a close request. Text similarity finds a
 * sunset topic only when its wording is its own.
 */
const SUNSET = 'kitchen_and_dining';
const NOW = '2026-03-01T00:00:00Z';
type Utterance = [string, string];

describe.skipIf(!present)('drift-check on real data: CLINC150 with a held-out domain (timestamps simulated)', () => {
  const tmp = tempDir('touchstone-clinc-');
  let heldOutTexts = new Set<string>();
  let oosTexts = new Set<string>();
  let sunsetGold = new Set<string>();

  beforeAll(async () => {
    const data = JSON.parse(readFileSync(DATA, 'utf8')) as Record<string, Utterance[]>;
    const domains = JSON.parse(readFileSync(DOMAINS, 'utf8')) as Record<string, string[]>;
    const domainOf = new Map<string, string>();
    for (const [d, intents] of Object.entries(domains)) for (const i of intents) domainOf.set(i, d);
    const known = (u: Utterance): boolean => domainOf.get(u[1]) !== HELD_OUT;
    const train = (data['train'] ?? []).filter(known);
    const gold = train.filter((_, i) => i % Math.floor(train.length / 2000) === 0).slice(0, 2000);
    const labels = gold.flatMap(([text, intent], i) => ['ann', 'bob'].map((labeler) =>
      JSON.stringify({ item_id: `c${i}`, labeler_id: labeler, label: i % 10 === 0 ? 0 : 1, labeled_at: '2026-01-05T00:00:00Z', slice: domainOf.get(intent), input: text })));
    writeFileSync(join(tmp.dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
    sunsetGold = new Set(gold.filter((u) => domainOf.get(u[1]) === SUNSET).map((u) => u[0]));

    // Baseline days 1–21: validation utterances of the 9 known domains. Window days 22–28: their
    // test utterances, plus (drifted store only) the held-out domain's and 300 out-of-scope ones,
    // which production's router does not know: they carry no slice.
    const record = (u: Utterance, i: number, day: number, slice: boolean): string => JSON.stringify({
      id: `q${day}-${i}`,
      timestamp: `2026-02-${String(day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
      input: u[0],
      ...(slice ? { slice: domainOf.get(u[1]) } : {}),
      judge_score: i % 10 === 3 ? 0 : 1,
    });
    const baseline = (data['val'] ?? []).filter(known).map((u, i) => record(u, i, 1 + (i % 21), true));
    const windowKnown = (data['test'] ?? []).filter(known).map((u, i) => record(u, i, 22 + (i % 7), true));
    const heldOut = (data['test'] ?? []).filter((u) => !known(u));
    const oos = (data['oos_test'] ?? []).slice(0, 300);
    heldOutTexts = new Set(heldOut.map((u) => u[0]));
    oosTexts = new Set(oos.map((u) => u[0]));
    const drifted = [...heldOut, ...oos].map((u, i) => record(u, 100_000 + i, 22 + (i % 7), false));
    writeFileSync(join(tmp.dir, 'calm.jsonl'), `${[...baseline, ...windowKnown].join('\n')}\n`);
    writeFileSync(join(tmp.dir, 'drift.jsonl'), `${drifted.join('\n')}\n`);
    // The sunset store: the same baseline, but the window's traffic has no SUNSET utterances any more.
    const windowWithoutSunset = (data['test'] ?? []).filter((u) => known(u) && domainOf.get(u[1]) !== SUNSET).map((u, i) => record(u, i, 22 + (i % 7), true));
    writeFileSync(join(tmp.dir, 'sunset.jsonl'), `${[...baseline, ...windowWithoutSunset].join('\n')}\n`);
    for (const [db, traffic] of [['calm.duckdb', 'calm.jsonl'], ['drifted.duckdb', 'calm.jsonl'], ['sunset.duckdb', 'sunset.jsonl']] as const) {
      const path = join(tmp.dir, db);
      expect((await runCli(['--db', path, 'ingest', 'labels', join(tmp.dir, 'labels.jsonl'), '--gold', 'clinc', '--scale', 'binary'])).code).toBe(0);
      expect((await runCli(['--db', path, 'ingest', 'traffic', join(tmp.dir, traffic)])).code).toBe(0);
    }
    expect((await runCli(['--db', join(tmp.dir, 'drifted.duckdb'), 'ingest', 'traffic', join(tmp.dir, 'drift.jsonl')])).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it(`surfaces the held-out "${HELD_OUT}" domain as coverage gaps with its own utterances as examples`, async () => {
    const r = await runCli(['--db', join(tmp.dir, 'drifted.duckdb'), '--gold', 'clinc', '--window', '7d', '--now', NOW, '--size', '1000', '--json'], { bin: DRIFT_CHECK });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { alerts: { kind: string; effect: number }[]; coverage_gaps: { size: number; examples: string[] }[]; coverage: { excess: number } };
    const coverage = doc.alerts.find((a) => a.kind === 'coverage_gap');
    expect(coverage, JSON.stringify(doc.alerts)).toBeDefined();
    // ~450 travel + 300 out-of-scope among ~4,800 requests: about 15% of traffic outside gold
    expect(doc.coverage.excess).toBeGreaterThan(0.05);
    const top = doc.coverage_gaps.slice(0, 5);
    const examples = top.flatMap((g) => g.examples);
    const fromHeldOut = examples.filter((e) => heldOutTexts.has(e)).length;
    const fromOutside = examples.filter((e) => heldOutTexts.has(e) || oosTexts.has(e)).length;
    expect(fromHeldOut, examples.join(' | ')).toBeGreaterThanOrEqual(3);
    // The largest gap is the held-out domain itself; most examples of the top gaps are from outside gold's domains.
    expect(top[0]!.examples.every((e) => heldOutTexts.has(e)), top[0]!.examples.join(' | ')).toBe(true);
    expect(fromOutside / examples.length, examples.join(' | ')).toBeGreaterThanOrEqual(0.6);
  });

  it(`finds the "${SUNSET}" gold items as stale gold content when traffic stops asking about ${SUNSET}`, async () => {
    const r = await runCli(['--db', join(tmp.dir, 'sunset.duckdb'), '--gold', 'clinc', '--window', '7d', '--now', NOW, '--size', '1000', '--json'], { bin: DRIFT_CHECK });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { alerts: { kind: string }[]; stale_content: { excess: number }; stale_content_clusters: { size: number; examples: string[]; traffic_nearby: number }[] };
    expect(doc.alerts.map((a) => a.kind), JSON.stringify((doc as unknown as { tests: unknown[] }).tests.filter((t) => (t as { kind: string }).kind === 'stale_content')) + JSON.stringify(doc.stale_content) + JSON.stringify(doc.stale_content_clusters)).toContain('stale_content');
    // One domain of nine (about 11% of gold) asks what traffic no longer does.
    expect(doc.stale_content.excess).toBeGreaterThan(0.05);
    const examples = doc.stale_content_clusters.slice(0, 5).flatMap((c) => c.examples);
    const fromSunset = examples.filter((e) => sunsetGold.has(e)).length;
    expect(fromSunset / examples.length, examples.join(' | ')).toBeGreaterThanOrEqual(0.6);
    expect(doc.stale_content_clusters[0]!.examples.every((e) => sunsetGold.has(e)), doc.stale_content_clusters[0]!.examples.join(' | ')).toBe(true);
  });

  it('raises no alert when the window holds only the known domains', async () => {
    const r = await runCli(['--db', join(tmp.dir, 'calm.duckdb'), '--gold', 'clinc', '--window', '7d', '--now', NOW, '--size', '1000', '--json'], { bin: DRIFT_CHECK });
    const doc = JSON.parse(r.stdout) as { alerts: unknown[]; coverage: { excess: number } };
    expect(doc.alerts, JSON.stringify(doc.alerts)).toEqual([]);
    expect(r.code).toBe(0);
  });
});
