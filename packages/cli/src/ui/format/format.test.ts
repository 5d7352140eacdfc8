import { describe, expect, it } from 'vitest';
import { displayWidth, sliceToWidth } from './display-width.js';
import { intervalBar, symmetricDomain } from './interval-bar.js';
import { fitCell, layoutColumns } from './layout-columns.js';
import { count, interval, pct, signed } from './numbers.js';
import { resample, sparkline } from './sparkline.js';
import { wrapText } from './wrap-text.js';

describe('sparkline', () => {
  it('scales between the minimum and maximum, spaces for gaps', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, null, 1])).toBe('▄ ▄');
    expect(sparkline([5, 15], [0, 10])).toBe('▅█');
    expect(sparkline([null, null])).toBe('  ');
  });

  it('averages runs to fit a width', () => {
    expect(resample([1, 3, 5, 7, null, null], 3)).toEqual([2, 6, null]);
    expect(resample([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('intervalBar', () => {
  it('draws the interval, the estimate and the zero line', () => {
    expect(intervalBar(0.2, 0.5, 0.8, [-1, 1], 21)).toBe('          │ ├──●──┤  ');
    expect(intervalBar(-1, -0.5, 0, [-1, 1], 5)).toBe('├●┤  ');
    expect(intervalBar(null, 0, null, [-1, 1], 5)).toBe('  ●  ');
    expect(intervalBar(0.5, 0.5, 0.5, [0, 1], 3)).toBe(' ● ');
    expect(symmetricDomain([0.2, -1.4, null])).toEqual([-1.4, 1.4]);
  });
});

describe('layoutColumns and fitCell', () => {
  const specs = [
    { header: 'id', width: 10 },
    { header: 'n', width: 6, align: 'right' as const },
    { header: 'text', width: 10, flex: 1 },
    { header: 'extra', width: 20, drop: 1 },
  ];

  it('gives spare room to flexible columns and drops droppable ones when narrow', () => {
    expect(layoutColumns(specs, 80)).toEqual([{ index: 0, width: 10 }, { index: 1, width: 6 }, { index: 2, width: 41 }, { index: 3, width: 20 }]);
    expect(layoutColumns(specs, 40)).toEqual([{ index: 0, width: 10 }, { index: 1, width: 6 }, { index: 2, width: 22 }]);
  });

  it('pads, right-aligns and cuts by terminal columns', () => {
    expect(fitCell('abc', 5)).toBe('abc  ');
    expect(fitCell('7', 3, 'right')).toBe('  7');
    expect(fitCell('abcdefgh', 5)).toBe('abcd…');
    expect(fitCell('日本語テキスト', 7)).toBe('日本語…');
    expect(fitCell('日本語テキスト', 8)).toBe('日本語… ');
    expect(displayWidth('日本 ok 🙂')).toBe(10);
    expect(sliceToWidth('日本語', 5)).toBe('日本');
  });
});

describe('numbers and wrapping', () => {
  it('formats shares, signed effects, intervals and counts', () => {
    expect(pct(0.2981)).toBe('29.8%');
    expect(pct(null)).toBe('–');
    expect(signed(0.5)).toBe('+0.50');
    expect(signed(-0.004)).toBe(' 0.00');
    expect(signed(-1.25, 1)).toBe('−1.3');
    expect(interval([-0.1, 0.9])).toBe('[−0.10, +0.90]');
    expect(count(1234567)).toBe('1,234,567');
  });

  it('wraps words, cuts long words, keeps newlines and marks left-out text', () => {
    expect(wrapText('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\nb c', 10)).toEqual(['a', 'b c']);
    expect(wrapText('one two three four', 5, 2)).toEqual(['one', 'two…']);
  });
});
