import { verify } from '../integrity/verify.js';
import { skew } from '../skew/skew.js';
import type { Store } from '../store/store.js';
import { decideGuard } from './decide-guard.js';
import { assertGuardOk } from './guard-error.js';
import type { GuardOptions } from './guard-options.js';
import type { GuardResult } from './guard-result.js';

/**
 * One call for an eval pipeline: is this gold set fit to gate a release on? Runs `verify` and `skew`
 * on the store and decides (`decideGuard`). The judge check needs the judge's calibration in
 * `options.calibration` — from `@touchstone/judge-calibration` (core never imports it), or use
 * `guardWithJudge` from `@touchstone/judge-calibration/store`, which calibrates and calls this.
 * @throws StoreError GOLD_NOT_FOUND; ConfigError on bad options (see decideGuard)
 * @example const result = await guard(store, { goldSet: 'support' }); if (!result.ok) console.error(result.failures)
 */
export async function guard(store: Store, options: GuardOptions): Promise<GuardResult> {
  const verifyReport = await verify(store, options.goldSet);
  // The guard reads flags and impact, never the agreement intervals: no bootstrap unless asked for.
  // On a store that is not intact (a forged scale, say) skew may not even run; integrity fails either way.
  const skewReport = await skew(store, { bootstrap: 0, ...options.skew, goldSet: options.goldSet }).catch((error: unknown) => {
    if (verifyReport.intact) throw error;
    return null;
  });
  return decideGuard({ verify: verifyReport, skew: skewReport }, options);
}

/**
 * `guard`, for pipelines that prefer exceptions: resolves to the passing result, or throws GuardError
 * (code GUARD_FAILED) whose message lists every failure and whose `result` holds the details.
 */
export async function assertGoldHealthy(store: Store, options: GuardOptions): Promise<GuardResult> {
  return assertGuardOk(await guard(store, options));
}
