import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore, SCRIPT_LABELER } from './audit-fixture.js';
import { REPO, runCli, tempDir } from './helpers/cli.js';

// Debian's chromium (CI installs it with apt); playwright never downloads a browser here.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test/artifacts');
const tmp = tempDir('touchstone-report-');
let db: string;
let browser: Browser;

beforeAll(async () => {
  db = await buildAuditStore(tmp.dir, { traffic: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  tmp.cleanup();
});

describe('touchstone report (real CLI, opened in headless Chromium)', () => {
  it('writes one self-contained HTML file whose charts render with no request and no console error', async () => {
    const out = join(tmp.dir, 'audit.html');
    const r = await runCli(['--db', db, 'report', '--gold', 'g', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as { charts: Record<string, unknown> };
    expect(written.charts).toEqual({ shares: 'rendered', leniency: 'rendered', judgeBands: 'rendered', driftHistory: 'rendered', sliceMix: 'rendered' });
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = `file://${out}`;
    await page.goto(url, { waitUntil: 'load' });

    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    const charts = page.locator('figure svg');
    expect(await charts.count()).toBe(5);
    for (let i = 0; i < 5; i += 1) {
      const marks = await charts.nth(i).locator('g.mark-rect path, g.mark-symbol path, g.mark-line path, g.mark-rule line').count();
      expect(marks, `chart ${i} has marks`).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByRole('cell', { name: SCRIPT_LABELER, exact: true }).count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('Touchstone audit: g');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    // A real image of the whole page: PNG signature, and far more than an empty page's bytes.
    const png = readFileSync(join(ARTIFACTS, 'report.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(50_000);
    await page.close();
  });

  it('says which command gives a chart its data when a capability has none', async () => {
    const bare = tempDir('touchstone-report-bare-');
    try {
      const plain = await buildAuditStore(bare.dir);
      const out = join(bare.dir, 'plain.html');
      const r = await runCli(['--db', plain, 'report', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('charts without data: run touchstone drift-check --gold g');
      expect(readFileSync(out, 'utf8')).toContain('not available: run touchstone drift-check --gold g');
    } finally {
      bare.cleanup();
    }
  });

  it('fails with exit 2 without --out and exit 3 when the file cannot be written', async () => {
    expect((await runCli(['--db', db, 'report', '--gold', 'g'])).code).toBe(2);
    const r = await runCli(['--db', db, 'report', '--gold', 'g', '--out', join(tmp.dir, 'no/such/dir/x.html')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot write the report to');
  });
});
