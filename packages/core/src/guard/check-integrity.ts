import type { VerifyReport } from '../integrity/verify-report.js';
import type { GuardCheck, GuardFailure } from './guard-result.js';

export interface CheckOutcome {
  readonly check: GuardCheck;
  readonly failures: GuardFailure[];
}

const SHOWN = 5;

/**
 * The gold set is untampered when `verify` finds every row hash, Merkle root and chain link intact
 * and, when a head hash was pinned, the newest batch hash equals it (a wholesale rewrite of the chain
 * is only visible against a pin kept outside the store).
 */
export function checkIntegrity(report: VerifyReport, expectHead?: string): CheckOutcome {
  const failures: GuardFailure[] = [];
  const gold = report.gold_set === null ? 'the store' : `gold set "${report.gold_set}"`;
  const base = { head_hash: report.head_hash, expected_head: expectHead ?? null };
  if (!report.intact || report.findings.length > 0) {
    const counts: Record<string, number> = {};
    for (const f of report.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    const tally = Object.entries(counts).map(([kind, n]) => `${n} ${kind.replace('_', ' ')}`).join(', ');
    const first = report.findings[0]?.message ?? 'verify reports the store not intact';
    failures.push({
      check: 'integrity',
      message: `${gold} was changed outside Touchstone (${tally === '' ? 'not intact' : tally}): ${first}${report.findings.length > 1 ? ` … (touchstone verify${report.gold_set === null ? '' : ` --gold ${report.gold_set}`} lists all ${report.findings.length})` : ''}`,
      details: { ...base, counts, findings: report.findings.slice(0, SHOWN) },
    });
  }
  if (expectHead !== undefined && expectHead !== report.head_hash) {
    failures.push({
      check: 'integrity',
      message: `the store's head hash is ${report.head_hash}, not the pinned ${expectHead}: batches were rewritten, removed or added since the pin (or this is another store)`,
      details: { ...base, counts: {}, findings: [] },
    });
  }
  const summary = failures.length > 0
    ? failures.map((f) => f.message).join('; ')
    : `${gold} intact: ${report.batches_checked} batches and ${report.rows_checked.labels} label rows re-hashed${expectHead === undefined ? '' : ', head hash equals the pin'}`;
  return { check: { check: 'integrity', status: failures.length > 0 ? 'fail' : 'pass', summary }, failures };
}
