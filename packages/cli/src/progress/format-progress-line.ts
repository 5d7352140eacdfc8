const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressLine {
  readonly label: string;
  readonly done: number;
  readonly total: number | undefined;
  readonly elapsedMs: number;
  readonly frame: number;
  readonly columns: number;
  /** What `done` counts ("records"): adds the rate, and with a total the time left, once a second has passed. */
  readonly unit?: string;
}

/**
 * One line of progress, no wider than `columns - 1`: `label [#####-----]  45%  4,500/10,000  3.2s`
 * with a known total, `⠋ label  1,234  3.2s` without one; with a `unit`, then the rate
 * (`  1,406 records/s`) and with a total the time left at that rate (`  ETA 4.0s`).
 */
export function formatProgressLine(p: ProgressLine): string {
  const elapsed = formatElapsed(p.elapsedMs) + rateOf(p);
  const width = Math.max(10, p.columns - 1);
  if (p.total === undefined || p.total <= 0) {
    const count = p.done > 0 ? `  ${p.done.toLocaleString('en-US')}` : '';
    return fit(`${SPINNER[p.frame % SPINNER.length] ?? '-'} ${p.label}${count}  ${elapsed}`, width);
  }
  const ratio = Math.min(1, Math.max(0, p.done / p.total));
  const tail = `  ${Math.floor(ratio * 100).toString().padStart(3)}%  ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}  ${elapsed}`;
  const barWidth = Math.max(5, Math.min(30, width - p.label.length - tail.length - 3));
  const filled = Math.round(ratio * barWidth);
  return fit(`${p.label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`, width);
}

export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function fit(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

function rateOf(p: ProgressLine): string {
  if (p.unit === undefined || p.done <= 0 || p.elapsedMs < 1000) return '';
  const perSecond = p.done / (p.elapsedMs / 1000);
  const rate = `  ${Math.round(perSecond).toLocaleString('en-US')} ${p.unit}/s`;
  if (p.total === undefined || p.total <= p.done) return rate;
  return `${rate}  ETA ${formatElapsed(((p.total - p.done) / perSecond) * 1000)}`;
}
