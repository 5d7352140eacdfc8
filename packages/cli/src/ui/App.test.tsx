import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_GOLD, fixtureStore } from './test-helpers/audit-fixture.js';
import { KEY, renderAudit } from './test-helpers/render-audit.js';

let fx: Awaited<ReturnType<typeof fixtureStore>>;
beforeAll(async () => {
  fx = await fixtureStore();
});
afterAll(() => fx.cleanup());

const lines = (frame: string): string[] => frame.split('\n');
const widest = (frame: string): number => Math.max(...lines(frame).map((l) => [...l].length));

describe('audit screens (ink-testing-library, real store)', () => {
  it('opens on the Overview with provenance, integrity, agreement, judge bands and a plain "not available" drift panel, inside 80×24', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    const f = await ui.until((x) => x.includes('intact') && x.includes('Gold set'));
    expect(f).toContain('Touchstone audit · fx');
    expect(f).toContain('[1 Overview]');
    expect(f).toMatch(/45 items · 132 labels \(1 superseded\) · 5 labelers/);
    expect(f).toContain('ordinal 1–5, pass ≥ 4');
    expect(f).toContain('✓ intact');
    await ui.until((x) => x.includes('Krippendorff α') && x.includes('jj@v1: bands'));
    expect(ui.frame()).toContain('not available: run touchstone drift-check --gold fx');
    expect(lines(f).length).toBeLessThanOrEqual(23);
    expect(widest(f)).toBeLessThanOrEqual(80);
    ui.unmount();
  });

  it('shows hostile labeler ids and item texts without their escape sequences', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD, { rows: 40 });
    await ui.press('2');
    const f = await ui.until((x) => x.includes('mallory'));
    expect(f).not.toContain('\u001b]');
    expect(f).not.toContain('\u0007');
    ui.unmount();
  });

  it('sorts the labelers table and drills into a labeler, then an item that depends on them, and back', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    await ui.press(KEY.tab);
    let f = await ui.until((x) => x.includes('sorted by labels'));
    expect(f).toContain('[2 Labelers]');
    const order = (x: string) => ['ann', 'bob', 'cat', 'dan'].map((id) => x.indexOf(`  ${id} `));
    await ui.press('s', 's', 's', 's');
    f = await ui.until((x) => x.includes('sorted by labeler ↓'));
    await ui.press('r');
    f = await ui.until((x) => x.includes('sorted by labeler ↑'));
    const pos = order(f);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    await ui.press('j', 'j', 'j', KEY.enter);
    f = await ui.until((x) => x.includes('Leniency by slice'));
    expect(f).toContain('Labelers › dan');
    expect(f).toMatch(/refunds\s+14\s+\+1\.\d\d \[\+0\.\d\d, \+1\.\d\d\]/);
    await ui.press('G');
    f = await ui.until((x) => x.includes('i045'));
    expect(f).toContain('only labeler');
    await ui.press('k', KEY.enter);
    f = await ui.until((x) => x.includes('Label history'));
    expect(f).toContain('Labelers › dan › i044');
    expect(f).toMatch(/batch #1 labels\.jsonl \(jsonl\) imported by fixture-bot/);
    await ui.press(KEY.esc);
    f = await ui.until((x) => x.includes('Leniency by slice') || x.includes('Leave-one-out dependence'));
    expect(f).toMatch(/›\s+i044/);
    await ui.press(KEY.esc);
    f = await ui.until((x) => x.includes('sorted by labeler'));
    expect(f).toMatch(/› dan\s+35/);
    expect(f).toContain('  ann ');
    ui.unmount();
  });

  it('searches items with / and shows the full label history with provenance', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    await ui.press('5');
    await ui.until((x) => x.includes('items match'));
    await ui.press('/', ...'order 1012 q');
    await ui.press(KEY.backspace, KEY.backspace);
    let f = await ui.until((x) => x.includes('1 items match'));
    expect(f).toContain('/ order 1012');
    expect(f).toContain('[5 Items]');
    // Enter ends the search; the list takes keys once it says so (a loaded machine can take longer than a keystroke).
    await ui.press(KEY.enter);
    await ui.until((x) => x.includes('Enter open'));
    await ui.press(KEY.enter);
    f = await ui.until((x) => x.includes('Label history'));
    expect(f).toContain('Items › i012');
    expect(f).toContain('Customer 12 asks about');
    await ui.press(KEY.esc);
    f = await ui.until((x) => x.includes('items match'));
    expect(f).toMatch(/› i012\s+refunds/);
    await ui.press('/', ...'slice:tone', KEY.enter);
    await ui.until((x) => x.includes('14 items match'));
    ui.unmount();
  });

  it('jumps from the Overview to the Items search with /, types q into it without quitting', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    await ui.until((x) => x.includes('Gold set'));
    await ui.press('/', 'q', 'q');
    await ui.until((x) => x.includes('/ qq') && x.includes('0 items match'));
    ui.unmount();
  });

  it('shows help with ? and closes it with any key', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD);
    await ui.press('?');
    await ui.until((x) => x.includes('drill in: a labeler, an item'));
    await ui.press('x');
    await ui.until((x) => x.includes('Gold set'));
    ui.unmount();
  });

  it('re-lays out on resize: narrower tables drop columns, the frame stays inside the terminal', async () => {
    const ui = await renderAudit(fx.store, FIXTURE_GOLD, { columns: 120, rows: 30 });
    await ui.press('2');
    let f = await ui.until((x) => x.includes('first') && x.includes('slices'));
    expect(widest(f)).toBeLessThanOrEqual(120);
    ui.resize(60, 20);
    f = await ui.until((x) => !x.includes('first') && !x.includes('sessions'));
    expect(f).toContain('lenient');
    expect(widest(f)).toBeLessThanOrEqual(60);
    expect(lines(f).length).toBeLessThanOrEqual(19);
    ui.resize(120, 30);
    await ui.until((x) => x.includes('first'));
    ui.unmount();
  });
});
