import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/touchstone-error.js';
import type { ImportItem, ImportKind } from './import-item.js';
import { addToPlan, emptyPlan } from './import-plan.js';
import { isSelected, selectImport } from './import-selection.js';

const rec = (kind: ImportKind, extra: { question?: string; judge?: string; rank?: number; rankNote?: string } = {}): ImportItem => ({ kind, value: { x: 1 }, ...extra });
const plan = (kind: ImportKind, items: readonly ImportItem[]) => {
  const p = emptyPlan(kind);
  for (const i of items) addToPlan(p, i);
  return p;
};

describe('selectImport', () => {
  it('takes the only question, and counts skips and other questions by reason', () => {
    const s = selectImport(plan('labels', [rec('labels', { question: 'q' }), rec('labels', { question: 'q' }), { kind: 'labels', skip: 'cancelled annotation' }, rec('judge', { question: 'q', judge: 'j' })]), {}, 'export');
    expect(s).toMatchObject({ question: 'q', selected: 2, skipped: 1, skippedReasons: { 'cancelled annotation': 1 } });
  });

  it('asks for --question when several are answered, and names the unknown one', () => {
    const p = plan('labels', [rec('labels', { question: 'a' }), rec('labels', { question: 'b' }), rec('labels', { question: 'b' })]);
    expect(() => selectImport(p, {}, 'export')).toThrow(/several questions: "b" \(2\), "a" \(1\); pick one with --question NAME/);
    expect(() => selectImport(p, { question: 'c' }, 'export')).toThrow(UsageError);
    expect(selectImport(p, { question: 'a' }, 'export')).toMatchObject({ selected: 1, skipped: 2, skippedReasons: { 'question "b" not selected': 2 } });
  });

  it('picks a judge by --judge, renames the only judge, and requires a name when the export has none', () => {
    const two = plan('judge', [rec('judge', { question: 'q', judge: 'v3' }), rec('judge', { question: 'q', judge: 'v2' })]);
    expect(() => selectImport(two, {}, 'export')).toThrow(/several judges for "q": "v3" \(1\), "v2" \(1\)/);
    expect(selectImport(two, { judge: 'v2' }, 'export')).toMatchObject({ sourceJudge: 'v2', judge: 'v2', selected: 1, skippedReasons: { 'judge "v3" not selected': 1 } });
    expect(() => selectImport(two, { judge: 'v9' }, 'export')).toThrow(/several judges/);
    const one = plan('judge', [rec('judge', { question: 'q', judge: 'hallucination' })]);
    expect(selectImport(one, { judge: 'halluc-judge@v2' }, 'export')).toMatchObject({ sourceJudge: 'hallucination', judge: 'halluc-judge@v2' });
    const unnamed = plan('judge', [rec('judge', { question: 'q' })]);
    expect(() => selectImport(unnamed, {}, 'export')).toThrow(/does not name the judge of its scores; name it with --judge NAME/);
    expect(selectImport(unnamed, { judge: 'j@1' }, 'export')).toMatchObject({ sourceJudge: undefined, judge: 'j@1' });
  });

  it('takes only the lowest traffic rank present, and parse errors always', () => {
    const items = [rec('traffic', { rank: 0 }), rec('traffic', { rank: 1, rankNote: 'child run' }), rec('traffic', { rank: 1, rankNote: 'child run' }), { kind: 'traffic', value: { parseError: 'bad' } } as const];
    const s = selectImport(plan('traffic', items), {}, 'export');
    expect(s).toMatchObject({ rank: 0, selected: 2, skipped: 2, skippedReasons: { 'child run': 2 } });
    expect(items.filter((i) => 'value' in i && isSelected(i, s))).toHaveLength(2);
    const childrenOnly = selectImport(plan('traffic', items.slice(1, 3)), {}, 'export');
    expect(childrenOnly).toMatchObject({ rank: 1, selected: 2, skipped: 0 });
  });
});
