import type { Scale } from '../schemas/scale.js';

/**
 * Infers a scale from the distinct labels of a gold set's first ingest when `--scale` is not given:
 * only 0/1/booleans → binary; whole numbers → ordinal over the observed range; other numbers →
 * interval over the observed range; anything else → nominal over the observed categories.
 */
export function inferScale(distinct: Iterable<unknown>): Scale {
  const values = [...distinct];
  const asNumbers = values.map((v) => (typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN));
  if (asNumbers.every((n) => Number.isFinite(n))) {
    if (asNumbers.every((n) => n === 0 || n === 1)) return { kind: 'binary' };
    let min = Infinity;
    let max = -Infinity;
    for (const n of asNumbers) {
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
    if (asNumbers.every((n) => Number.isInteger(n))) return { kind: 'ordinal', min, max: max > min ? max : min + 1 };
    return { kind: 'interval', min, max: max > min ? max : min + 1 };
  }
  const categories = [...new Set(values.map(String))].sort();
  if (categories.length < 2) categories.push(categories[0] === 'other' ? 'other-2' : 'other');
  return { kind: 'nominal', categories };
}
