import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore } from './audit-fixture.js';
import { runCli, tempDir } from './helpers/cli.js';

// The details a new user trips on (issue #18), each through the real CLI on a real store. The
// fixture's traffic is two weeks of April 2026 (the last request 2026-04-14T23:00:00Z), long before
// any clock this runs on: a window ending at the current time holds none of it.
const CHROMIUM = '/usr/bin/chromium';
const tmp = tempDir('touchstone-first-use-');
let db: string;
const cli = (args: string[]) => runCli(['--db', db, ...args]);
const jsonl = (name: string, rows: readonly object[]): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};

beforeAll(async () => {
  db = await buildAuditStore(tmp.dir, { traffic: true });
});
afterAll(() => tmp.cleanup());

describe('a window on historical traffic', () => {
  it('judge correct --window 7d ends at the last request when the current week holds no traffic, and says so', async () => {
    const r = await cli(['judge', 'correct', '--gold', 'g', '--judge', 'judge@v1', '--window', '7d', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('judge correct: no traffic in the 7d before the current time; the window ends after the last request (2026-04-14T23:00:00.000Z) instead: --now 2026-04-14T23:00:01.000Z');
    const doc = JSON.parse(r.stdout) as { source: { since: string; until: string; n_items: number } };
    expect(doc.source).toMatchObject({ since: '2026-04-07T23:00:01.000Z', until: '2026-04-14T23:00:01.000Z' });
    // Same window as passing that --now explicitly, which prints no note.
    const explicit = await cli(['judge', 'correct', '--gold', 'g', '--judge', 'judge@v1', '--window', '7d', '--now', '2026-04-14T23:00:01.000Z', '--json']);
    expect(explicit.stderr).toBe('');
    expect((JSON.parse(explicit.stdout) as typeof doc).source).toEqual(doc.source);
  });

  it('drift-check without --now fails (exit 3) on stale traffic and names the --now that checks the last week of the data', async () => {
    const r = await cli(['drift-check', '--gold', 'g', '--window', '7d', '--pass-threshold', '4']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no traffic in the 7d before the current time \(.+\); the last request was at 2026-04-14T23:00:00\.000Z\. To check the 7d that ends with the data, pass --now 2026-04-14T23:00:01\.000Z/);
    const ok = await cli(['drift-check', '--gold', 'g', '--window', '7d', '--pass-threshold', '4', '--now', '2026-04-14T23:00:01.000Z', '--json']);
    expect([0, 1], ok.stderr).toContain(ok.code);
  });
});

describe('flags and help', () => {
  it('judge compare refuses a judge compared with itself (exit 2)', async () => {
    const r = await cli(['judge', 'compare', '--gold', 'g', '--judge', 'judge@v1', '--against', 'judge@v1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('judge "judge@v1" is compared with itself');
  });

  it('guard takes --require-trusted, as judge calibrate does; --require-bands is its alias', async () => {
    const trusted = await cli(['guard', '--gold', 'g', '--judge', 'judge@v1', '--require-trusted', '4,5', '--json']);
    const bands = await cli(['guard', '--gold', 'g', '--judge', 'judge@v1', '--require-bands', '4,5', '--json']);
    expect(trusted.code, trusted.stderr).toBe(bands.code);
    const doc = (s: string) => JSON.parse(s) as { thresholds: { required_bands: unknown }; checks: unknown; failures: unknown };
    expect(doc(trusted.stdout).thresholds.required_bands).toEqual(['4', '5']);
    expect(doc(bands.stdout)).toEqual(doc(trusted.stdout));
    const both = await cli(['guard', '--gold', 'g', '--require-trusted', '4', '--require-bands', '5']);
    expect(both.code).toBe(2);
    const help = await runCli(['guard', '--help']);
    expect(help.stdout).toContain('--require-trusted <bands>');
    expect(help.stdout).toContain('alias of --require-trusted');
  });

  it('--help shows numeric defaults as numbers, not quoted strings', async () => {
    for (const command of [['guard'], ['skew']]) {
      const h = await runCli([...command, '--help']);
      expect(h.stdout).not.toMatch(/default: "\d/);
    }
    expect((await runCli(['guard', '--help'])).stdout).toMatch(/\(default: 0\.01\)/);
    expect((await runCli(['skew', '--help'])).stdout).toMatch(/\(default: 1000\)/);
  });
});

describe('gold sets in words', () => {
  it('provenance and gold list print the scale as the report does, not as JSON', async () => {
    const list = await cli(['gold', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('g  ordinal 1–5, pass ≥ 4  snapshots: -\n');
    const prov = await cli(['provenance', '--gold', 'g']);
    expect(prov.stdout).toContain('gold set "g" — scale ordinal 1–5, pass ≥ 4');
    expect(prov.stdout).not.toContain('{"kind"');
  });

  it('gold list with no gold sets ends its message with a newline', async () => {
    const bare = join(tmp.dir, 'traffic-only.duckdb');
    const ingest = await runCli(['--db', bare, 'ingest', 'traffic', jsonl('one-request.jsonl', [{ id: 'r1', timestamp: '2026-04-01T00:00:00Z', input: 'hello' }])]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const r = await runCli(['--db', bare, 'gold', 'list']);
    expect(r.stdout).toBe('no gold sets yet: touchstone ingest labels FILE --gold NAME\n');
  });

  it('gold diff says how many relabels it does not list, and where to see them all', async () => {
    const diffDb = join(tmp.dir, 'diff.duckdb');
    const labels = (value: number, at: string) => Array.from({ length: 30 }, (_, i) => ({ item_id: `d${i}`, labeler_id: 'ann', label: value, labeled_at: at }));
    const run = async (args: string[]) => {
      const r = await runCli(['--db', diffDb, ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await run(['ingest', 'labels', jsonl('v1.jsonl', labels(2, '2026-03-01T09:00:00Z')), '--gold', 'd', '--scale', 'ordinal:1-5', '--pass-threshold', '4']);
    await run(['gold', 'snapshot', 'd', '--tag', 'v1']);
    await run(['ingest', 'labels', jsonl('v2.jsonl', labels(5, '2026-03-02T09:00:00Z')), '--gold', 'd']);
    await run(['gold', 'snapshot', 'd', '--tag', 'v2']);
    const diff = await run(['gold', 'diff', 'd', 'v1', 'v2']);
    expect(diff.stdout).toContain('relabeled 30');
    expect(diff.stdout.split('\n').filter((l) => l.startsWith('  ~ '))).toHaveLength(20);
    expect(diff.stdout).toContain('  … and 10 more relabeled (--json for all)\n');
    const json = JSON.parse((await run(['gold', 'diff', 'd', 'v1', 'v2', '--json'])).stdout) as { relabeled: unknown[] };
    expect(json.relabeled).toHaveLength(30);
  });
});

describe('the HTML report drift-check history (headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws two runs over the same window at two x positions, and the legend whole', async () => {
    // The fixture recorded runs #1 (window end 04-08) and #2 (04-15); this one re-checks the window of #2.
    const again = await cli(['drift-check', '--gold', 'g', '--window', '7d', '--pass-threshold', '4', '--now', '2026-04-15T00:00:00Z', '--json']);
    expect([0, 1], again.stderr).toContain(again.code);
    const runs = (JSON.parse((await cli(['report', '--gold', 'g', '--out', join(tmp.dir, 'r.html'), '--json'])).stdout) as { charts: Record<string, string> }).charts;
    expect(runs.driftHistory).toBe('rendered');
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`file://${join(tmp.dir, 'r.html')}`, { waitUntil: 'load' });
    const chart = page.locator('figure svg').filter({ hasText: 'drift-check run' });
    expect(await chart.count()).toBe(1);
    const seen = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', right: t.getBoundingClientRect().right - box.left }));
      // Points of one series: the gold pass rate of each run (filled symbols of the first colour).
      const symbols = [...svg.querySelectorAll('g.mark-symbol path')].filter((p) => p.closest('.role-legend') === null).map((p) => ({ x: Math.round(p.getBoundingClientRect().x), fill: p.getAttribute('fill') }));
      return { width: box.width, texts, symbols };
    });
    const labels = seen.texts.map((t) => t.text);
    const runLabels = labels.filter((l) => /^#\d+ \d{4}-\d\d-\d\d$/.test(l));
    expect(runLabels).toEqual(expect.arrayContaining(['#1 2026-04-08', '#2 2026-04-15']));
    expect(runLabels.filter((l) => l.endsWith('2026-04-15')).length).toBeGreaterThanOrEqual(2);
    expect(labels).toEqual(expect.arrayContaining(['gold (human consensus)', 'shadow (judge on traffic)']));
    for (const t of seen.texts.filter((x) => /\(/.test(x.text))) expect(t.right, t.text).toBeLessThanOrEqual(seen.width);
    expect(labels.some((l) => l.includes('…'))).toBe(false);
    const fills = [...new Set(seen.symbols.map((s) => s.fill))];
    const goldXs = seen.symbols.filter((s) => s.fill === fills[0]).map((s) => s.x);
    expect(goldXs).toHaveLength(runLabels.length);
    expect(new Set(goldXs).size).toBe(runLabels.length);
    await page.close();
  });
});
