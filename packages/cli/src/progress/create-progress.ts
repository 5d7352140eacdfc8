import type { CliContext } from '../context.js';
import { formatProgressLine } from './format-progress-line.js';

/** A progress bar (with a total) or spinner (without) on stderr. All methods are no-ops when silent. */
export interface Progress {
  /** Sets the amount done (and the total, when it becomes known). */
  update(done: number, total?: number): void;
  /** Adds `n` (default 1) to the amount done. */
  tick(n?: number): void;
  /** Changes the label (for the next phase of the same work). */
  label(text: string): void;
  /** Clears the line and stops the timer; call it in a `finally`. */
  done(): void;
  /** Whether anything is drawn (false under --json, in CI or cron, or when stderr is not a terminal). */
  readonly active: boolean;
}

export interface ProgressOptions {
  readonly total?: number;
  /** The command runs under --json: stay silent. */
  readonly json?: boolean;
  /** Redraw interval in milliseconds (default 100). */
  readonly intervalMs?: number;
  /** Clock for tests. */
  readonly now?: () => number;
  /** What the count counts ("records"): the line then shows the rate and, with a total, the time left. */
  readonly unit?: string;
}

/**
 * Progress for long work (ingest, shadow builds, long statistics), drawn on stderr only when stderr
 * is a terminal and not under --json, CI (`CI` set) or TERM=dumb; cron has no terminal, so it is
 * silent there too. Redraws at most every `intervalMs` on one line with carriage return.
 * @example const p = createProgress(ctx, 'ingesting labels', { json }); try { … p.tick(); } finally { p.done(); }
 */
export function createProgress(ctx: CliContext, label: string, options: ProgressOptions = {}): Progress {
  if (!progressAllowed(ctx, options.json === true)) return SILENT;
  const now = options.now ?? Date.now;
  const started = now();
  let text = label;
  let done = 0;
  let total = options.total;
  let frame = 0;
  let drawn = false;
  const draw = (): void => {
    ctx.stderr(`\r\u001b[2K${formatProgressLine({ label: text, done, total, elapsedMs: now() - started, frame, columns: columnsOf(ctx), ...(options.unit === undefined ? {} : { unit: options.unit }) })}`);
    frame += 1;
    drawn = true;
  };
  const timer = setInterval(draw, options.intervalMs ?? 100);
  timer.unref();
  return {
    active: true,
    update(d, t) {
      done = d;
      if (t !== undefined) total = t;
    },
    tick(n = 1) {
      done += n;
    },
    label(t) {
      text = t;
    },
    done() {
      clearInterval(timer);
      if (drawn) ctx.stderr('\r\u001b[2K');
    },
  };
}

/** Runs `work` with a spinner (or bar) that is always cleared afterwards, even when the work throws. */
export async function withProgress<T>(ctx: CliContext, label: string, json: boolean, work: (progress: Progress) => Promise<T>): Promise<T> {
  const progress = createProgress(ctx, label, { json });
  try {
    return await work(progress);
  } finally {
    progress.done();
  }
}

export function progressAllowed(ctx: CliContext, json: boolean): boolean {
  if (json || !ctx.stderrTTY) return false;
  const ci = ctx.env['CI'];
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return false;
  return ctx.env['TERM'] !== 'dumb';
}

function columnsOf(ctx: CliContext): number {
  const c = Number(ctx.env['COLUMNS']);
  return Number.isFinite(c) && c >= 20 ? c : process.stderr.columns > 0 ? process.stderr.columns : 80;
}

const SILENT: Progress = { active: false, update() {}, tick() {}, label() {}, done() {} };
