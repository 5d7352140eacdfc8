import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTraffic, runDriftCheck } from '@touchstone/core';
import { createAuditSource } from './data/audit-source.js';
import { FIXTURE_GOLD, fixtureStore, SLICES } from './test-helpers/audit-fixture.js';
import { KEY, renderAudit } from './test-helpers/render-audit.js';

// Details a new user tripped on (issue #18): each checked on the rendered screen at 80×24.
let fx: Awaited<ReturnType<typeof fixtureStore>>;
beforeAll(async () => {
  fx = await fixtureStore();
  // Two weeks of traffic whose prompt_version changes, and one drift-check over the second week.
  const traffic = Array.from({ length: 14 * 30 }, (_, k) => {
    const d = Math.floor(k / 30);
    return { id: `t${k}`, timestamp: `2026-04-${String(1 + d).padStart(2, '0')}T${String(k % 24).padStart(2, '0')}:00:00Z`, input: `Customer asks about ${SLICES[k % 3] ?? 'tone'}: order ${7000 + k}`, slice: SLICES[k % 3], judge_score: 1 + (k % 5), metadata: { prompt_version: d < 7 ? 'p1' : 'p2' } };
  });
  const file = join(fx.dir, 'traffic.jsonl');
  writeFileSync(file, `${traffic.map((r) => JSON.stringify(r)).join('\n')}\n`);
  await ingestTraffic(fx.store, { file, actor: 'fixture-bot' });
  await runDriftCheck(fx.store, { goldSet: FIXTURE_GOLD, window: '7d', now: '2026-04-15T00:00:00Z', actor: 'fixture-bot', passThresholdFlag: 4, seed: 1 });
});
afterAll(() => fx.cleanup());

const lines = (frame: string): string[] => frame.split('\n');

describe('audit screen details (ink-testing-library, real store)', () => {
  it('prints each alert\'s q-value once on the Drift screen', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD, { rows: 60, columns: 160 });
    await ui.press('3');
    const f = await ui.until((x) => /Alerts \(\d+\)/.test(x), 90_000);
    const alerts = lines(f).filter((l) => /^\s+[›\s]\s+[!~] /.test(l));
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) expect(a.match(/\(q[ =]/g)?.length ?? 0, a).toBe(1);
    ui.unmount();
  }, 120_000);

  it('shows a flagged labeler\'s whole flag in the Labelers table at 80 columns', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    await ui.press(KEY.tab);
    const f = await ui.until((x) => x.includes('sorted by labels') && x.includes('! lenient'), 90_000);
    expect(f).not.toContain('! lenie…');
    expect(lines(f).every((l) => [...l].length <= 80)).toBe(true);
    ui.unmount();
  }, 120_000);

  it('keeps a labeler id with a carriage return on one line of the share chart', async () => {
    const base = await createAuditSource(fx.store, { goldSet: FIXTURE_GOLD, compute: 'inline', sanitize: true });
    // What sanitizing leaves of "ann\rx": "ann\nx" (a lone CR becomes a line break in block mode).
    const source = { ...base, provenance: async () => {
      const p = await base.provenance();
      return { ...p, labelers: p.labelers.map((l) => (l.labeler_id === 'ann' ? { ...l, labeler_id: 'ann\nx' } : l)) };
    } };
    const ui = await renderAudit(fx.store, FIXTURE_GOLD, { source });
    const f = await ui.until((x) => x.includes('Labeler share of items') && x.includes('ann x'), 90_000);
    const chart = lines(f).filter((l) => l.includes('█'));
    expect(chart.some((l) => /^\s+ann x\s+[\d.]+%\s+█+$/.test(l))).toBe(true);
    expect(lines(f).some((l) => /^\s*x\s/.test(l))).toBe(false);
    expect(lines(f).length).toBeLessThanOrEqual(24);
    ui.unmount();
  }, 120_000);
});
