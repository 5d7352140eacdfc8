import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@touchstone/core';
import * as coreSchemas from '@touchstone/core/schemas';
import * as stats from '@touchstone/core/stats';
import * as jc from '@touchstone/judge-calibration';
import * as jcStore from '@touchstone/judge-calibration/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALM, DRIFTED, writeDriftFixture } from './helpers/drift-fixture.js';
import { REPO, tempDir } from './helpers/cli.js';
import { writePipelineData } from './examples/pipeline-data.js';

// packages/core/API.md is the contract: every export it lists exists in the entry it names, every
// schema it names is exported, and every function with a result schema runs here on a small real
// store, its result parsing with that schema and surviving JSON unchanged (the --json shapes).
const ENTRIES: Record<string, Record<string, unknown>> = {
  '@touchstone/core': core,
  '@touchstone/core/stats': stats,
  '@touchstone/core/schemas': coreSchemas,
  '@touchstone/judge-calibration': jc,
  '@touchstone/judge-calibration/store': jcStore,
};
const SCHEMAS: Record<string, unknown> = { ...coreSchemas, ...jc };

interface Row {
  readonly name: string;
  readonly member: string | null;
  readonly entry: string;
  readonly schema: string | null;
  readonly array: boolean;
}

const API = readFileSync(join(REPO, 'packages/core/API.md'), 'utf8');
const ticks = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
const ROWS: Row[] = API.split('\n')
  .filter((l) => l.startsWith('| `'))
  .map((line) => {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    const [, name = '', member = null] = /^(\w+)(?:\.(\w+))?/.exec(ticks(cells[0] ?? '')[0] ?? '') ?? [];
    // '— (…)' : no result schema (a Store, a number …); otherwise the cell's first schema name.
    const schema = (cells[2] ?? '').trim().startsWith('—') ? null : (ticks(cells[2] ?? '').find((t) => /^\w+Schema(\[\])?$/.test(t)) ?? null);
    return { name, member, entry: ticks(cells[1] ?? '')[0] ?? '', schema: schema?.replace('[]', '') ?? null, array: schema?.endsWith('[]') === true };
  });

const tmp = tempDir('touchstone-api-');
afterAll(() => tmp.cleanup());
const results = new Map<string, unknown>();

const at = (name: string): string => {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const jsonl = (path: string, rows: readonly object[]): string => {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};
const actor = 'api-test';

beforeAll(async () => {
  const rated = writePipelineData(at('rated'));
  const ratedB = writePipelineData(at('rated-b'), { lenientJudge: true });
  const drift = writeDriftFixture(at('drift'));
  // An online judge on the binary support gold set: the majority label, wrong on every tenth item.
  const votes = new Map<string, number[]>();
  for (const line of readFileSync(drift.labels, 'utf8').trim().split('\n')) {
    const r = JSON.parse(line) as { item_id: string; label: number };
    votes.set(r.item_id, [...(votes.get(r.item_id) ?? []), r.label]);
  }
  const online = jsonl(join(tmp.dir, 'online.jsonl'), [...votes].map(([item_id, v], i) => {
    const majority = v.reduce((a, b) => a + b, 0) * 2 > v.length ? 1 : 0;
    return { item_id, score: i % 10 === 0 ? 1 - majority : majority };
  }));
  const items = Array.from({ length: 300 }, (_, i) => `s${i}`);
  const baselineFile = jsonl(join(tmp.dir, 'baseline.jsonl'), items.map((id, i) => ({ item_id: id, slice: ['billing', 'login'][i % 2], pass: i % 3 !== 0, gold_snapshot: 'v1' })));
  const candidateFile = jsonl(join(tmp.dir, 'candidate.jsonl'), items.map((id, i) => ({ item_id: id, slice: ['billing', 'login'][i % 2], pass: i % 3 !== 0 && i % 7 !== 0, gold_snapshot: 'v1' })));

  const store = await core.openStore(join(tmp.dir, 'store.duckdb'));
  const put = async (name: string, work: () => unknown): Promise<unknown> => {
    const value = await work();
    results.set(name, value);
    return value;
  };
  try {
    const scale = core.parseScaleSpec('ordinal:1-5', 4);
    await put('parseScaleSpec', () => scale);
    await put('ingestLabels', () => core.ingestLabels(store, { file: rated.goldLabels, goldSet: 'rated', scale, actor }));
    await put('ingestJudge', () => core.ingestJudge(store, { file: rated.judgeScores, goldSet: 'rated', judge: 'j@1', actor }));
    await core.ingestJudge(store, { file: ratedB.judgeScores, goldSet: 'rated', judge: 'j@2', actor });
    await core.ingestLabels(store, { file: drift.labels, goldSet: 'support', scale: core.parseScaleSpec('binary'), actor });
    await core.ingestJudge(store, { file: online, goldSet: 'support', judge: 'online', actor });
    await put('ingestTraffic', () => core.ingestTraffic(store, { file: drift.traffic, actor }));
    const prodigy = join(REPO, 'packages/core/src/importers/fixtures/prodigy-db-out.jsonl');
    const prepared = await core.prepareImport({ file: prodigy, kind: 'labels' });
    if (prepared === undefined) throw new Error('the Prodigy export was not recognized');
    await core.ingestLabels(store, { file: prodigy, goldSet: 'pd', scale: core.parseScaleSpec('nominal:pass,fail', undefined, ['pass']), actor, records: prepared.records, skipped: prepared.skipped, sourceFormat: prepared.importer.name });
    await put('importNotes', () => core.importNotes(prepared));

    await put('provenance', () => core.provenance(store, 'rated'));
    await put('verify', () => core.verify(store, 'rated'));
    await put('createSnapshot', () => core.createSnapshot(store, { goldSet: 'rated', tag: 'v1', actor }));
    await core.createSnapshot(store, { goldSet: 'rated', tag: 'v2', actor, excludeLabelers: ['lenny'] });
    await put('listSnapshots', () => core.listSnapshots(store, 'rated'));
    await put('listGoldSets', () => core.listGoldSets(store));
    await put('goldDiff', () => core.goldDiff(store, 'rated', 'v1', 'v2'));

    const skewOptions = { goldSet: 'rated', permutations: 200, bootstrap: 50, seed: 1 };
    const skewReport = await put('skew', () => core.skew(store, skewOptions)) as coreSchemas.SkewReport;
    await put('analyzeSkew', () => core.analyzeSkew(
      core.skewDataFromRecords({ kind: 'binary' }, Array.from({ length: 90 }, (_, i) => ({ item_id: `i${i % 30}`, labeler_id: ['a', 'b', 'c'][Math.floor(i / 30)] ?? 'a', value: (i * 7) % 3 === 0 ? 0 : 1 }))),
      coreSchemas.SkewOptionsSchema.parse({ goldSet: 'pure', permutations: 100 }),
    ));

    const shadow = await put('buildShadowSet', () => core.buildShadowSet(store, { goldSet: 'support', window: '7d', now: CALM, size: 200, actor })) as coreSchemas.ShadowSet;
    await put('listShadowSets', () => core.listShadowSets(store, 'support'));
    await put('driftReport', () => core.driftReport(store, { goldSet: 'support', shadowId: shadow.shadow_id }));
    await put('runDriftCheck', () => core.runDriftCheck(store, { goldSet: 'support', window: '7d', now: DRIFTED, size: 200, actor }));

    const baseline = await put('readRunFile', () => core.readRunFile(baselineFile)) as coreSchemas.EvalRun;
    await put('recordRunFile', () => core.recordRunFile(store, { file: candidateFile, name: 'candidate', actor, goldSet: 'rated' }));
    await put('listRuns', () => core.listRuns(store));
    await put('evalDiff', async () => core.evalDiff(store, baseline, await core.requireRun(store, 'candidate')));

    const verifyReport = results.get('verify') as coreSchemas.VerifyReport;
    await put('guard', () => core.guard(store, { goldSet: 'rated', skew: skewOptions }));
    await put('assertGoldHealthy', () => core.assertGoldHealthy(store, { goldSet: 'rated', skew: skewOptions }));
    const decided = await put('decideGuard', () => core.decideGuard({ verify: verifyReport, skew: skewReport }, { goldSet: 'rated' })) as coreSchemas.GuardResult;
    await put('assertGuardOk', () => core.assertGuardOk(decided));
    await put('guardWithJudge', () => jcStore.guardWithJudge(store, { goldSet: 'rated', judge: 'j@1', requiredBands: ['4', '5'], skew: skewOptions }));
    await put('assertGuardWithJudge', () => jcStore.assertGuardWithJudge(store, { goldSet: 'rated', judge: 'j@1', skew: skewOptions }));

    const a = await jcStore.loadJudgePairs(store, { goldSet: 'rated', judge: 'j@1' }, 'consensus');
    const b = await jcStore.loadJudgePairs(store, { goldSet: 'rated', judge: 'j@2' }, 'consensus');
    await put('calibrate', () => jc.calibrate(a.pairs, { scale, resamples: 200 }));
    await put('compareJudges', () => jc.compareJudges(a.pairs, b.pairs, { scale, judgeA: 'j@1', judgeB: 'j@2', resamples: 200 }));
    const labels = a.pairs.map((p) => (p.human_pass === true ? 1 : 0));
    const predictions = a.pairs.map((p) => (p.judge_pass === true ? 1 : 0));
    const run = rated.runScores.map((s) => (s >= 4 ? 1 : 0));
    await put('correctedPassRate', () => jc.correctedPassRate({ labels, predictions, unlabeledPredictions: run, resamples: 500 }));
    await put('ppiMean', () => jc.ppiMean({ labeled: { y: labels, yhat: predictions }, unlabeledYhat: run }));
    await put('calibrateJudge', () => jcStore.calibrateJudge(store, { gold: 'rated', judge: 'j@1', resamples: 200 }));
    await put('compareJudgesInStore', () => jcStore.compareJudgesInStore(store, { gold: 'rated', judgeA: 'j@1', judgeB: 'j@2', resamples: 200 }));
    await put('correctJudge', () => jcStore.correctJudge(store, { gold: 'support', judge: 'online', source: { kind: 'window', since: '2026-02-01T00:00:00Z', until: DRIFTED }, resamples: 500 }));
  } finally {
    store.close();
  }
});

describe('packages/core/API.md lists the public surface', () => {
  it('has rows for every capability the CLI offers', () => {
    expect(ROWS.length).toBeGreaterThan(50);
    const names = ROWS.map((r) => r.name);
    for (const n of ['openStore', 'Store', 'ingestLabels', 'ingestTraffic', 'ingestJudge', 'provenance', 'verify', 'createSnapshot', 'goldDiff', 'skew', 'buildShadowSet', 'driftReport', 'runDriftCheck', 'evalDiff', 'guard', 'guardWithJudge', 'calibrate', 'correctedPassRate', 'ppiMean', 'calibrateJudge', 'correctJudge', 'krippendorffAlpha']) {
      expect(names).toContain(n);
    }
  });

  it.each(ROWS.map((r) => [`${r.name}${r.member === null ? '' : `.${r.member}`}`, r] as const))('%s is exported where API.md says', (_, row) => {
    const mod = ENTRIES[row.entry];
    expect(mod, `unknown entry ${row.entry}`).toBeDefined();
    const value = mod?.[row.name];
    expect(typeof value, `${row.entry} exports no ${row.name}`).toBe('function');
    if (row.member !== null) expect(typeof (value as Record<string, unknown>)[row.member]).toBe('function');
  });

  it('every schema API.md names is an exported zod schema', () => {
    const named = [...new Set([...API.matchAll(/`(\w+Schema)(?:\[\])?`/g)].map((m) => m[1] ?? ''))];
    expect(named.length).toBeGreaterThan(25);
    for (const name of named) expect(SCHEMAS[name], name).toBeInstanceOf(z.ZodType);
  });
});

describe('results of a small real run are plain JSON described by their schemas', () => {
  const withSchema = ROWS.filter((r) => r.schema !== null);
  it.each(withSchema.map((r) => [r.name, r] as const))('%s', (_, row) => {
    expect(results.has(row.name), `no run of ${row.name} in this test: add one`).toBe(true);
    const value = results.get(row.name);
    const schema = SCHEMAS[row.schema ?? ''] as z.ZodType;
    const parsed = (row.array ? z.array(schema) : schema).parse(value);
    // Equal after parsing: the schema describes every field (zod would drop an unknown one).
    expect(parsed).toEqual(value);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    if (row.array) expect((value as unknown[]).length).toBeGreaterThan(0);
  });

  it('the run is real: the guard passed on a healthy gold set, and the drift check saw the planted drift', () => {
    expect(results.get('guardWithJudge')).toMatchObject({ ok: true, judge: 'j@1' });
    expect(results.get('runDriftCheck')).toMatchObject({ gold_set: 'support' });
    expect((results.get('runDriftCheck') as { alerts: unknown[] }).alerts.length).toBeGreaterThan(0);
    expect(results.get('goldDiff')).toMatchObject({ counts: { removed: expect.any(Number) } });
    expect(results.get('importNotes')).toMatchObject({ tool: 'prodigy' });
  });
});
