import { describe, expect, it } from 'vitest';
import { ConfigError, DataError, TouchstoneError } from '../errors/touchstone-error.js';
import { decideGuard } from './decide-guard.js';
import { assertGuardOk, GuardError } from './guard-error.js';
import { GuardResultSchema, type GuardFailure } from './guard-result.js';
import { calibration, flag, skewReport, verifyReport } from './test-helpers/reports.js';

const clean = { verify: verifyReport('g'), skew: skewReport('g', 1000, []) };
const edited = (seq: number) => ({ kind: 'edited' as const, table: 'labels' as const, batch_id: 1, seq, gold_set: 'g', item_id: `i${seq}`, labeler_id: 'bob', message: `labels row ${seq} (item i${seq}, labeler bob): its content no longer matches its hash` });
const only = <C extends GuardFailure['check']>(fs: GuardFailure[], check: C) => fs.filter((f): f is Extract<GuardFailure, { check: C }> => f.check === check);

describe('decideGuard', () => {
  it('passes a clean gold set: integrity and impact pass, the judge check did not run; the result is its schema and plain JSON', () => {
    const r = decideGuard(clean, { goldSet: 'g' });
    expect(r.ok).toBe(true);
    expect(r.failures).toEqual([]);
    expect(r.checks.map((c) => [c.check, c.status])).toEqual([['integrity', 'pass'], ['labeler_impact', 'pass'], ['judge_bands', 'not_run']]);
    expect(r.thresholds).toEqual({ flipped_share: 0.01, pass_rate_shift: 0.01, required_bands: null, expected_head: null });
    expect(GuardResultSchema.parse(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('fails a tampered gold set, naming what changed and where', () => {
    const r = decideGuard({ ...clean, verify: verifyReport('g', [edited(5), edited(9)]) }, { goldSet: 'g' });
    expect(r.ok).toBe(false);
    const [f, ...rest] = only(r.failures, 'integrity');
    expect(rest).toEqual([]);
    expect(f?.message).toContain('gold set "g" was changed outside Touchstone (2 edited)');
    expect(f?.message).toContain('labels row 5 (item i5, labeler bob)');
    expect(f?.message).toContain('touchstone verify --gold g lists all 2');
    expect(f?.details.counts).toEqual({ edited: 2 });
    expect(f?.details.findings).toHaveLength(2);
  });

  it('checks a pinned head hash: a different head fails naming both hashes, the same head passes', () => {
    const other = 'b'.repeat(64);
    const bad = decideGuard(clean, { goldSet: 'g', expectHead: other });
    expect(bad.ok).toBe(false);
    expect(bad.failures[0]?.message).toContain(`head hash is ${'a'.repeat(64)}, not the pinned ${other}`);
    expect(decideGuard(clean, { goldSet: 'g', expectHead: 'a'.repeat(64) }).ok).toBe(true);
  });

  it('fails a flagged labeler at exactly 1% of items flipped, not at 0.9% (1,000 items)', () => {
    const at = decideGuard({ ...clean, skew: skewReport('g', 1000, [flag('lenny', { flipped: 10, shift: 0.004 })]) }, { goldSet: 'g' });
    const [f] = only(at.failures, 'labeler_impact');
    expect(f?.details).toMatchObject({ labeler_id: 'lenny', flipped_items: 10, flipped_share: 0.01, reached: ['flipped_share'] });
    expect(f?.message).toContain('labeler "lenny" is flagged leniency');
    expect(f?.message).toContain('10.0 of 1000 items (1.0%) would flip and the pass rate would move +0.4 points');
    expect(f?.message).toContain('--exclude-labeler lenny');
    const below = decideGuard({ ...clean, skew: skewReport('g', 1000, [flag('lenny', { flipped: 9, shift: 0.0099 })]) }, { goldSet: 'g' });
    expect(below.ok).toBe(true);
    expect(below.checks[1]?.summary).toBe('no flagged labeler reaches the impact limits; flagged below the impact limits: lenny');
  });

  it('fails a pass-rate shift of one point in either direction; limits are configurable', () => {
    const down = decideGuard({ ...clean, skew: skewReport('g', 1000, [flag('sev', { flipped: 2, shift: -0.012 }, { kind: 'severity', direction: 'severe', effect: -0.4 })]) }, { goldSet: 'g' });
    expect(only(down.failures, 'labeler_impact')[0]?.details).toMatchObject({ reached: ['pass_rate_shift'], kind: 'severity', direction: 'severe' });
    expect(down.failures[0]?.message).toContain('the pass rate would move −1.2 points');
    const loose = decideGuard({ ...clean, skew: skewReport('g', 1000, [flag('sev', { flipped: 30, shift: -0.012 })]) }, { goldSet: 'g', maxImpact: { flippedShare: 0.05, passRateShift: 0.02 } });
    expect(loose.ok).toBe(true);
    expect(loose.thresholds).toMatchObject({ flipped_share: 0.05, pass_rate_shift: 0.02 });
    // Zero limits: any flagged labeler fails.
    expect(decideGuard({ ...clean, skew: skewReport('g', 1000, [flag('x', { flipped: 0, shift: 0 })]) }, { goldSet: 'g', maxImpact: { flippedShare: 0 } }).ok).toBe(false);
  });

  it('reports one failure per labeler, listing each kind of flag that reaches a limit', () => {
    const flags = [flag('felix', { flipped: 47, shift: -0.023 }), flag('felix', { flipped: 47, shift: -0.023 }, { kind: 'fatigue', basis: 'session_position' }), flag('ben', { flipped: 25, shift: -0.008 }, { kind: 'severity', direction: 'severe' }), flag('dana', { flipped: 10, shift: -0.006 })];
    const r = decideGuard({ ...clean, skew: skewReport('g', 2000, flags) }, { goldSet: 'g' });
    const fs = only(r.failures, 'labeler_impact');
    expect(fs.map((f) => [f.details.labeler_id, f.details.kinds])).toEqual([['felix', ['leniency', 'fatigue']], ['ben', ['severity']]]);
    expect(fs[0]?.message).toContain('flagged leniency and fatigue');
    expect(r.checks[1]?.summary).toBe('2 flagged labeler(s) reach the impact limits: felix, ben; flagged below the impact limits: dana');
  });

  it('judge bands: by default only untrusted bands fail; an insufficient band is reported, not failed', () => {
    const r = decideGuard(clean, { goldSet: 'g', calibration: calibration('j@v1', ['insufficient', 'trusted', 'trusted', 'trusted', 'untrusted']) });
    const fs = only(r.failures, 'judge_bands');
    expect(fs.map((f) => f.details.band)).toEqual(['5']);
    expect(fs[0]?.message).toBe('judge "j@v1" is untrusted in band 5: humans agree with it on 0.45 of 60 items there (interval 0.33–0.58), below the target 0.80');
    expect(r.judge).toBe('j@v1');
    const ok = decideGuard(clean, { goldSet: 'g', calibration: calibration('j@v1', ['insufficient', 'trusted', 'trusted', 'trusted', 'trusted']) });
    expect(ok.ok).toBe(true);
    expect(ok.checks[2]?.summary).toBe('judge "j@v1" trusted in band(s) 2, 3, 4, 5 (relied on: every band (failing only untrusted ones)); not enough evidence yet in 1');
  });

  it('judge bands: required bands must be trusted — insufficient fails too, with the labels that would settle it', () => {
    const cal = calibration('j@v1', ['untrusted', 'trusted', 'trusted', 'trusted', 'insufficient']);
    const r = decideGuard(clean, { goldSet: 'g', calibration: cal, requiredBands: ['4', '5'] });
    const fs = only(r.failures, 'judge_bands');
    expect(fs.map((f) => [f.details.band, f.details.verdict, f.details.required])).toEqual([['5', 'insufficient', true]]);
    expect(r.checks[2]).toEqual({ check: 'judge_bands', status: 'fail', summary: 'judge "j@v1" fails in band(s) 5 (relied on: bands 4, 5)' });
    expect(fs[0]?.message).toBe('judge "j@v1" is not yet trusted in band 5, which the pipeline relies on: agreement 0.75 on 4 items (interval 0.30–0.95) cannot show it reaches the target 0.80; about 37 more human labels there would settle it');
    expect(decideGuard(clean, { goldSet: 'g', calibration: cal, requiredBands: ['2', '3'] }).ok).toBe(true);
    expect(only(decideGuard(clean, { goldSet: 'g', calibration: cal, requiredBands: 'all' }).failures, 'judge_bands').map((f) => f.details.band)).toEqual(['1', '5']);
  });

  it('accepts a full calibration report (extra fields) structurally', () => {
    const full = { ...calibration('j', ['trusted']), gold_set: 'g', n_pairs: 60, bands_by_human: [], overall: { n: 60 } };
    expect(decideGuard(clean, { goldSet: 'g', calibration: full, requiredBands: ['1'] }).ok).toBe(true);
  });

  it('rejects contradictory input with a ConfigError and a stable code', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).code;
      }
      return undefined;
    };
    expect(code(() => decideGuard(clean, { goldSet: 'g', requiredBands: ['5'] }))).toBe('GUARD_NO_JUDGE');
    expect(code(() => decideGuard(clean, { goldSet: 'g', calibration: calibration('j', ['trusted']), requiredBands: ['9'] }))).toBe('GUARD_UNKNOWN_BAND');
    expect(code(() => decideGuard(clean, { goldSet: 'other' }))).toBe('GUARD_REPORT_MISMATCH');
    expect(code(() => decideGuard(clean, { goldSet: 'g', maxImpact: { flippedShare: 2 } }))).toBe('GUARD_BAD_OPTION');
  });
});

describe('assertGuardOk', () => {
  it('returns a passing result and throws GuardError (GUARD_FAILED, a DataError) listing every failure otherwise', () => {
    const pass = decideGuard(clean, { goldSet: 'g' });
    expect(assertGuardOk(pass)).toBe(pass);
    const fail = decideGuard({ verify: verifyReport('g', [edited(3)]), skew: skewReport('g', 100, [flag('lenny', { flipped: 4, shift: 0.03 })]) }, { goldSet: 'g' });
    let caught: unknown;
    try {
      assertGuardOk(fail);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GuardError);
    expect(caught).toBeInstanceOf(DataError);
    expect(caught).toBeInstanceOf(TouchstoneError);
    const e = caught as GuardError;
    expect(e.code).toBe('GUARD_FAILED');
    expect(e.result).toBe(fail);
    expect(e.message.split('\n')).toEqual([
      'guard failed for gold set "g" (2 failure(s)):',
      `  - [integrity] ${fail.failures[0]?.message ?? ''}`,
      `  - [labeler_impact] ${fail.failures[1]?.message ?? ''}`,
    ]);
    expect(e.toJSON().details.map((d) => d.field)).toEqual(['integrity', 'labeler_impact']);
  });
});
