import { UsageError } from '../errors/touchstone-error.js';
import type { ImportRecord } from './import-item.js';
import type { ImportPlan, PlanGroup } from './import-plan.js';

/** Which of an export's records one ingest takes, and what it skips. */
export interface ImportSelection {
  /** The question imported (labels and judge), when the export names questions. */
  readonly question: string | undefined;
  /** The judge as the export names it. */
  readonly sourceJudge: string | undefined;
  /** The judge name recorded: `--judge`, else the export's. */
  readonly judge: string | undefined;
  readonly rank: number;
  /** Records imported (valid or not: validation is the ingest's). */
  readonly selected: number;
  /** Records read but not imported: the plan's skips plus other questions, judges and ranks. */
  readonly skipped: number;
  readonly skippedReasons: Record<string, number>;
}

export interface SelectionRequest {
  readonly question?: string;
  readonly judge?: string;
}

const show = (v: string | undefined): string => (v === undefined ? '(unnamed)' : `"${v}"`);

/**
 * Chooses what to import from a planned export. A question must be named with `--question` when
 * the export answers several. For judge scores, `--judge` picks one of several judges the export
 * names, or names the one judge it has (and must, when the export names none). For traffic, only
 * the lowest rank present is taken (requests, not their parts).
 */
export function selectImport(plan: ImportPlan, request: SelectionRequest, tool: string): ImportSelection {
  let groups = [...plan.groups.values()];
  if (plan.kind === 'judge' && request.judge !== undefined && groups.some((g) => g.judge === request.judge)) {
    groups = groups.filter((g) => g.judge === request.judge);
  }
  const questions = tally(groups, (g) => g.question);
  let question: string | undefined;
  if (request.question !== undefined) {
    if (!questions.has(request.question)) {
      throw new UsageError('IMPORT_QUESTION_UNKNOWN', `--question "${request.question}": the ${tool} has ${listTally(questions) || 'no named questions'}`);
    }
    question = request.question;
  } else if (questions.size > 1) {
    throw new UsageError('IMPORT_QUESTION_AMBIGUOUS', `the ${tool} answers several questions: ${listTally(questions)}; pick one with --question NAME (one gold set holds one question's labels)`);
  } else {
    question = [...questions.keys()][0];
  }
  groups = groups.filter((g) => g.question === question);
  let sourceJudge: string | undefined;
  let judge: string | undefined;
  if (plan.kind === 'judge' && groups.length > 0) {
    const judges = tally(groups, (g) => g.judge);
    if (judges.size > 1) {
      throw new UsageError('IMPORT_JUDGE_AMBIGUOUS', `the ${tool} holds several judges${question === undefined ? '' : ` for "${question}"`}: ${listTally(judges)}; pick one with --judge NAME`);
    }
    sourceJudge = [...judges.keys()][0];
    judge = request.judge ?? sourceJudge;
    if (judge === undefined) throw new UsageError('IMPORT_JUDGE_REQUIRED', `the ${tool} does not name the judge of its scores; name it with --judge NAME (for example gpt-judge@v3)`);
  }
  const rank = Math.min(...groups.map((g) => g.rank));
  const chosen = groups.filter((g) => g.rank === rank);
  const selected = chosen.reduce((n, g) => n + g.n, 0) + plan.parseErrors;
  const reasons: Record<string, number> = Object.fromEntries(plan.skips);
  for (const g of plan.groups.values()) {
    if (chosen.includes(g)) continue;
    const reason = g.question !== question ? `question ${show(g.question)} not selected`
      : g.judge !== sourceJudge ? `judge ${show(g.judge)} not selected`
      : (g.rankNote ?? `rank ${g.rank}`);
    reasons[reason] = (reasons[reason] ?? 0) + g.n;
  }
  const skipped = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { question, sourceJudge, judge, rank: Number.isFinite(rank) ? rank : 0, selected, skipped, skippedReasons: reasons };
}

/** True when a record belongs to the selection (records that failed to parse without naming a question always do, so they are reported). */
export function isSelected(item: ImportRecord, s: ImportSelection): boolean {
  if ('parseError' in item.value && item.question === undefined) return true;
  return item.question === s.question && (item.kind !== 'judge' || item.judge === s.sourceJudge) && (item.rank ?? 0) === s.rank;
}

function tally(groups: readonly PlanGroup[], key: (g: PlanGroup) => string | undefined): Map<string | undefined, number> {
  const m = new Map<string | undefined, number>();
  for (const g of groups) m.set(key(g), (m.get(key(g)) ?? 0) + g.n);
  return m;
}

function listTally(m: ReadonlyMap<string | undefined, number>): string {
  return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${show(k)} (${n})`).join(', ');
}
