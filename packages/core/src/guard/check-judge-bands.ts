import { ConfigError } from '../errors/touchstone-error.js';
import type { CheckOutcome } from './check-integrity.js';
import type { GuardCalibration } from './guard-options.js';
import type { GuardFailure } from './guard-result.js';

type Band = GuardCalibration['bands'][number];

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));

function why(b: Band, target: number): string {
  const interval = b.ci === null ? 'no interval' : `interval ${fmt(b.ci[0])}–${fmt(b.ci[1])}`;
  if (b.verdict === 'untrusted') return `humans agree with it on ${fmt(b.agreement)} of ${b.n} items there (${interval}), below the target ${fmt(target)}`;
  const more = b.extra_labels_needed === null ? '' : `; about ${b.extra_labels_needed} more human labels there would settle it`;
  if (b.n === 0) return `no gold item there has a human label to check it against${more}`;
  return `agreement ${fmt(b.agreement)} on ${b.n} items (${interval}) cannot show it reaches the target ${fmt(target)}${more}`;
}

/**
 * The judge's bands by its own score (the precision view: when the judge says 5, do humans agree?),
 * the view a pipeline that acts on the judge's scores relies on. Named bands (or 'all') must be
 * trusted — untrusted or insufficient both fail, as `judge calibrate --require-trusted`; with no bands
 * named, only untrusted bands fail.
 * @throws ConfigError GUARD_NO_JUDGE when bands are required but no calibration is given;
 *   GUARD_UNKNOWN_BAND when a required band is not one of the calibration's bands
 */
export function checkJudgeBands(calibration: GuardCalibration | undefined, required: readonly string[] | 'all' | undefined): CheckOutcome {
  if (calibration === undefined) {
    if (required !== undefined) throw new ConfigError('GUARD_NO_JUDGE', `guard: required judge bands (${required === 'all' ? 'all' : required.join(', ')}) need a judge: pass its calibration (or --judge NAME)`);
    return { check: { check: 'judge_bands', status: 'not_run', summary: 'no judge given' }, failures: [] };
  }
  const names = calibration.bands.map((b) => b.band);
  if (required !== undefined && required !== 'all') {
    const unknown = required.filter((r) => !names.includes(r));
    if (unknown.length > 0) throw new ConfigError('GUARD_UNKNOWN_BAND', `guard: the judge has no band ${unknown.map((u) => `"${u}"`).join(', ')} (its bands: ${names.join(', ')})`);
  }
  const isRequired = (b: Band): boolean => required === 'all' || (required !== undefined && required.includes(b.band));
  const fails = (b: Band): boolean => (isRequired(b) ? b.verdict !== 'trusted' : required === undefined && b.verdict === 'untrusted');
  const judge = calibration.judge === null ? 'the judge' : `judge "${calibration.judge}"`;
  const failures: GuardFailure[] = calibration.bands.filter(fails).map((b) => ({
    check: 'judge_bands',
    message: `${judge} is ${b.verdict === 'untrusted' ? 'untrusted' : 'not yet trusted'} in band ${b.band}${isRequired(b) ? ', which the pipeline relies on' : ''}: ${why(b, calibration.target)}`,
    details: { ...b, judge: calibration.judge, target: calibration.target, required: isRequired(b) },
  }));
  const trusted = calibration.bands.filter((b) => b.verdict === 'trusted').map((b) => b.band);
  const insufficient = calibration.bands.filter((b) => b.verdict === 'insufficient' && !fails(b)).map((b) => b.band);
  const relied = required === undefined ? 'every band (failing only untrusted ones)' : required === 'all' ? 'every band' : `bands ${required.join(', ')}`;
  const summary = failures.length > 0
    ? `${judge} fails in band(s) ${failures.map((f) => (f.check === 'judge_bands' ? f.details.band : '')).join(', ')} (relied on: ${relied})`
    : `${judge} trusted in ${trusted.length === 0 ? 'no band' : `band(s) ${trusted.join(', ')}`} (relied on: ${relied})${insufficient.length === 0 ? '' : `; not enough evidence yet in ${insufficient.join(', ')}`}`;
  return { check: { check: 'judge_bands', status: failures.length > 0 ? 'fail' : 'pass', summary }, failures };
}
