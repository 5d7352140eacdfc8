import { describe, expect, it } from 'vitest';
import { table } from './table.js';

describe('table', () => {
  it('measures a cell by the text a terminal shows: escape codes are removed before padding', () => {
    const out = table(['slice', 'n'], [['\u001b[31mRED\u001b[0m', 12], ['tone', 7]]).split('\n');
    expect(out).toEqual(['slice   n', 'RED    12', 'tone    7']);
  });
});
