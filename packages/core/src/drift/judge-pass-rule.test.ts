import { describe, expect, it } from 'vitest';
import { judgePasses, resolvePassRule } from './judge-pass-rule.js';

const ordinal = { kind: 'ordinal' as const, min: 1, max: 5, pass_threshold: 4 };

describe('resolvePassRule', () => {
  it("takes the gold set's own rule, and says so", () => {
    expect(resolvePassRule(ordinal, {})).toEqual({ threshold: 4, higher_is_better: true, source: 'gold set', description: 'gold set ordinal 1–5, pass ≥ 4' });
    expect(resolvePassRule({ kind: 'interval', min: 0, max: 10 }, {}).description).toBe('gold set interval 0–10, pass ≥ 5 (the midpoint: no pass threshold was set)');
    expect(resolvePassRule({ kind: 'binary' }, {}).threshold).toBe(0.5);
    expect(resolvePassRule({ kind: 'nominal', categories: ['good', 'bad'] }, {}).source).toBe('default');
  });
  it('a flag beats the config, which beats the gold set', () => {
    expect(resolvePassRule(ordinal, { flag: 3, config: 5 })).toMatchObject({ threshold: 3, source: 'flag' });
    expect(resolvePassRule(ordinal, { config: 5 })).toMatchObject({ threshold: 5, source: 'config' });
  });
  it("maps gold's rule linearly onto a judge that scores on another scale, reversed when low is good", () => {
    // pass ≥ 4 on 1–5 is 3/4 of the way up: 0.75 on 0–1; with lower-is-better, ≤ 0.25.
    expect(resolvePassRule(ordinal, { judgeScale: { min: 0, max: 1 } })).toMatchObject({ threshold: 0.75, higher_is_better: true, source: 'gold set' });
    const low = resolvePassRule(ordinal, { judgeScale: { min: 0, max: 1, higher_is_better: false } });
    expect(low).toMatchObject({ threshold: 0.25, higher_is_better: false });
    expect(low.description).toBe("gold set ordinal 1–5, pass ≥ 4, mapped linearly (drift.judge_scale) to a judge score ≤ 0.25 on the judge's scale 0–1 (lower is better)");
    expect([judgePasses(low, 0.2), judgePasses(low, 0.3), judgePasses(low, null)]).toEqual([true, false, null]);
  });
});
