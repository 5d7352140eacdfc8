import { fnv1a32 } from './hash32.js';
import { normalizeText } from './normalize-text.js';

/**
 * Character n-grams within word boundaries (scikit-learn's `analyzer='char_wb'`): each word of the
 * normalized text is padded with one space on both sides and cut into n-grams for every n in
 * [minN, maxN]; a padded word no longer than n gives itself, once. Returned as their strings, with repeats.
 * @example charNgrams('Hi you', 3, 3) // [' hi', 'hi ', ' yo', 'you', 'ou ']
 */
export function charNgrams(text: string, minN = 3, maxN = 3): string[] {
  const out: string[] = [];
  const normalized = normalizeText(text);
  if (normalized === '') return out;
  for (const word of normalized.split(' ')) {
    const padded = ` ${word} `;
    for (let n = minN; n <= maxN; n++) {
      // As scikit-learn: a padded word no longer than n counts once, whatever the n range.
      if (padded.length <= n) {
        out.push(padded);
        break;
      }
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}

/** The distinct character n-grams of a text as sorted 32-bit hashes (the shingle set used by MinHash and Jaccard). */
export function shingleSet(text: string, n = 3): Uint32Array {
  const hashes = new Set<number>();
  for (const g of charNgrams(text, n, n)) hashes.add(fnv1a32(g));
  return Uint32Array.from(hashes).sort();
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted shingle sets; two empty sets are identical (1). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
