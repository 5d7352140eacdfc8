import type { schemas } from '@touchstone/core';
import { stripControl } from '../sanitize/strip-control.js';

const MARK = { pass: 'ok  ', fail: 'FAIL', not_run: '-   ' } as const;

/** `touchstone guard` for people: the verdict, one line per check, then every failure's message. */
export function renderGuard(r: schemas.GuardResult): string {
  const who = `gold set "${stripControl(r.gold_set)}"${r.judge === null ? '' : ` with judge "${stripControl(r.judge)}"`}`;
  const lines = [r.ok ? `guard passed: ${who}` : `GUARD FAILED: ${who} — ${r.failures.length} failure${r.failures.length === 1 ? '' : 's'}`];
  for (const c of r.checks) lines.push(`  ${MARK[c.status]} ${c.check.padEnd(15)} ${stripControl(c.summary)}`);
  if (r.failures.length > 0) {
    lines.push('', 'why:');
    for (const f of r.failures) lines.push(`  [${f.check}] ${stripControl(f.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
