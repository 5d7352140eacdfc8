import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../context.js';
import { createProgress, progressAllowed, withProgress } from './create-progress.js';
import { formatElapsed, formatProgressLine } from './format-progress-line.js';

function ctxWith(over: Partial<CliContext> = {}): CliContext & { err: string[] } {
  const err: string[] = [];
  return { cwd: '/', env: { COLUMNS: '80' }, stdout: () => {}, stderr: (t) => err.push(t), isTTY: true, stderrTTY: true, err, ...over };
}

afterEach(() => vi.useRealTimers());

describe('progressAllowed', () => {
  it('draws only on a terminal stderr, never under --json, CI or TERM=dumb', () => {
    expect(progressAllowed(ctxWith(), false)).toBe(true);
    expect(progressAllowed(ctxWith(), true)).toBe(false);
    expect(progressAllowed(ctxWith({ stderrTTY: false }), false)).toBe(false);
    expect(progressAllowed(ctxWith({ env: { CI: 'true' } }), false)).toBe(false);
    expect(progressAllowed(ctxWith({ env: { CI: '0' } }), false)).toBe(true);
    expect(progressAllowed(ctxWith({ env: { TERM: 'dumb' } }), false)).toBe(false);
  });
});

describe('createProgress', () => {
  it('redraws a bar on one line and clears it when done', () => {
    vi.useFakeTimers();
    let t = 0;
    const ctx = ctxWith();
    const p = createProgress(ctx, 'ingesting', { total: 200, now: () => t });
    p.update(50);
    t = 1500;
    vi.advanceTimersByTime(100);
    p.tick(50);
    vi.advanceTimersByTime(100);
    p.done();
    expect(ctx.err[0]).toBe(`\r\u001b[2K${formatProgressLine({ label: 'ingesting', done: 50, total: 200, elapsedMs: 1500, frame: 0, columns: 80 })}`);
    expect(ctx.err[1]).toContain(' 50%  100/200');
    expect(ctx.err.at(-1)).toBe('\r\u001b[2K');
    vi.advanceTimersByTime(1000);
    expect(ctx.err).toHaveLength(3);
  });

  it('writes nothing at all when silent, whatever is called', async () => {
    vi.useFakeTimers();
    const ctx = ctxWith({ stderrTTY: false });
    const p = createProgress(ctx, 'x', { total: 10 });
    p.tick();
    vi.advanceTimersByTime(1000);
    p.done();
    expect(p.active).toBe(false);
    expect(ctx.err).toEqual([]);
    // A terminal stderr, but CI is set: nothing is drawn while long work runs.
    const ci = ctxWith({ env: { CI: '1' } });
    await withProgress(ci, 'y', false, async () => {
      vi.advanceTimersByTime(1000);
      return 1;
    });
    expect(ci.err).toEqual([]);
  });

  it('clears the line even when the work throws', async () => {
    vi.useFakeTimers();
    const ctx = ctxWith();
    const run = withProgress(ctx, 'failing', false, async () => {
      vi.advanceTimersByTime(250);
      throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(ctx.err.length).toBeGreaterThan(1);
    expect(ctx.err.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('formatProgressLine', () => {
  it('shows a spinner, the count and elapsed time without a total', () => {
    expect(formatProgressLine({ label: 'building shadow set', done: 1234, total: undefined, elapsedMs: 3210, frame: 1, columns: 80 })).toBe('⠙ building shadow set  1,234  3.2s');
  });

  it('fits a bar into the terminal width', () => {
    const line = formatProgressLine({ label: 'x'.repeat(100), done: 1, total: 4, elapsedMs: 61_000, frame: 0, columns: 40 });
    expect(line.length).toBe(39);
    expect(line.endsWith('…')).toBe(true);
    expect(formatProgressLine({ label: 'skew', done: 1, total: 4, elapsedMs: 0, frame: 0, columns: 80 })).toMatch(/^skew \[#+-+\] {3}25% {2}1\/4 {2}0\.0s$/);
    expect(formatElapsed(125_000)).toBe('2m05s');
  });

  it('adds the rate with a unit, and the time left at that rate with a total', () => {
    expect(formatProgressLine({ label: 'ingest traffic: staging', done: 30_000, total: undefined, elapsedMs: 2000, frame: 0, columns: 80, unit: 'records' })).toBe('⠋ ingest traffic: staging  30,000  2.0s  15,000 records/s');
    expect(formatProgressLine({ label: 'x', done: 100, total: 400, elapsedMs: 4000, frame: 0, columns: 120, unit: 'records' })).toMatch(/ 25% {2}100\/400 {2}4\.0s {2}25 records\/s {2}ETA 12\.0s$/);
    // Under a second the rate would be noise: nothing is added.
    expect(formatProgressLine({ label: 'x', done: 5, total: undefined, elapsedMs: 500, frame: 0, columns: 80, unit: 'records' })).toBe('⠋ x  5  0.5s');
  });
});
