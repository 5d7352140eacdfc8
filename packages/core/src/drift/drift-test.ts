import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';

/** The kinds of test a drift report runs; each alert names one. */
export type DriftKind = 'pass_rate' | 'pass_rate_slice' | 'slice_mix' | 'unseen_slice' | 'numeric' | 'metadata_unseen' | 'metadata_mix' | 'coverage_gap' | 'stale_gold' | 'stale_content';

/** One hypothesis test before multiplicity control: its effect, the threshold that effect must reach, its p-value. */
export interface DriftTestInput {
  readonly kind: DriftKind;
  readonly slice: string | null;
  /** What was tested, e.g. "input_chars" or "model". */
  readonly name: string;
  /** Effect measure, e.g. "js_distance"; `effect` is in its units. Compared as |effect| ≥ threshold. */
  readonly effectName: string;
  readonly effect: number;
  readonly threshold: number;
  readonly pValue: number;
  /** PSI of the same comparison when there is one (for the 0.1 warning band). */
  readonly psi?: number;
  /** One sentence, without the q-value. */
  readonly message: string;
}

export interface DriftTest extends DriftTestInput {
  readonly qValue: number;
  /** alert: q < α and |effect| ≥ threshold; warn: q < α and PSI ≥ psi_warn but no alert; else ok. */
  readonly status: 'alert' | 'warn' | 'ok';
}

/**
 * Benjamini–Hochberg across every test of one report, then the alert rule: a test alerts only when
 * its q-value is below α AND its effect reaches its threshold — with a huge sample even a trivial
 * difference is "significant", and it must not page anyone.
 */
export function decideTests(tests: readonly DriftTestInput[], alpha: number, psiWarn: number): DriftTest[] {
  const q = benjaminiHochberg(tests.map((t) => Math.min(1, Math.max(0, t.pValue))));
  return tests.map((t, i) => {
    const qValue = q[i] ?? 1;
    const significant = qValue < alpha;
    const big = Math.abs(t.effect) >= t.threshold;
    const status = significant && big ? 'alert' : significant && (t.psi ?? 0) >= psiWarn ? 'warn' : 'ok';
    return { ...t, qValue, status };
  });
}
