import { DataError } from '../errors/touchstone-error.js';
import type { GuardResult } from './guard-result.js';

/**
 * Thrown by `assertGoldHealthy` / `assertGuardOk` when the guard fails; `result` holds every failure.
 * A DataError (category 'data': the gold data is not fit to gate on), so a CLI mapping it would exit
 * 3; `touchstone guard` itself does not throw it — it prints the result and exits 1.
 */
export class GuardError extends DataError {
  readonly result: GuardResult;

  constructor(result: GuardResult) {
    const lines = result.failures.map((f) => `  - [${f.check}] ${f.message}`);
    super('GUARD_FAILED', `guard failed for gold set "${result.gold_set}" (${result.failures.length} failure(s)):\n${lines.join('\n')}`, {
      details: result.failures.map((f) => ({ field: f.check, reason: f.message })),
    });
    this.result = result;
  }
}

/** Throws GuardError (code GUARD_FAILED) unless the guard passed; returns the result otherwise. */
export function assertGuardOk(result: GuardResult): GuardResult {
  if (!result.ok) throw new GuardError(result);
  return result;
}
