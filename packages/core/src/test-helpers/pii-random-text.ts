import type { Rng } from '../stats/rng.js';
import { generatedCorpus, HAND_WRITTEN } from './pii-corpus.js';

// Pieces that build near-misses of every rule: digits and separators, letters, "at"/"dot" words,
// brackets, colons, hex, TLDs, and non-ASCII spaces (JS \s matches them, RE2's \s does not).
const PIECES = ['0', '1', '4', '5', '9', '12', '415', '555', '0132', '4111', '1111', ' ', '-', '.', '(', ')', '+', '+1', ':', '::', 'ff', 'DE', 'GB82', 'at', ' at ', '[at]', '(dot)', ' dot ', 'com', '.io', '@', 'x', 'Jane', '_', '\u00a0', '\u2003', '\t', '\n', 'é', '😀', '"', '\\'];

/** A random text of 1–24 pieces. */
export function randomPiiText(rng: Rng): string {
  let s = '';
  for (let k = 1 + rng.int(24); k > 0; k--) s += PIECES[rng.int(PIECES.length)] ?? '';
  return s;
}

/** The redaction corpus's texts and `n` random texts. */
export function piiTexts(rng: Rng, n: number): string[] {
  return [...[...generatedCorpus(12), ...HAND_WRITTEN].map((c) => c.text), ...Array.from({ length: n }, () => randomPiiText(rng))];
}
