import { minhashSignature } from './minhash.js';
import { normalizeText } from './normalize-text.js';
import { jaccard, shingleSet } from './shingles.js';

export interface NearDuplicateOptions {
  /** Jaccard similarity of character 3-gram sets at or above which two texts are near-duplicates. Default 0.8. */
  readonly threshold?: number;
  /** LSH bands × rows = signature length. Defaults 16 × 4: a pair at J = 0.8 becomes a candidate with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9999. */
  readonly bands?: number;
  readonly rows?: number;
}

/**
 * Near-duplicate removal that keeps the first text of every group, in input order: texts equal
 * after `normalizeText` are duplicates outright; the rest are compared through MinHash LSH
 * (banding, Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3.4) and every
 * candidate pair is confirmed by its exact shingle Jaccard similarity. Returns, per text, the
 * index of the text it duplicates, or −1 when it is kept.
 */
/** Exact-Jaccard confirmations per text at most. */
const MAX_CHECKS = 64;

export function nearDuplicates(texts: readonly string[], options: NearDuplicateOptions = {}): Int32Array {
  const threshold = options.threshold ?? 0.8;
  const bands = options.bands ?? 16;
  const rows = options.rows ?? 4;
  const dupOf = new Int32Array(texts.length).fill(-1);
  const firstByText = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  const sets: Uint32Array[] = [];
  texts.forEach((text, i) => {
    const normalized = normalizeText(text);
    const exact = firstByText.get(normalized);
    sets.push(exact === undefined ? shingleSet(normalized) : new Uint32Array(0));
    if (exact !== undefined) {
      dupOf[i] = exact;
      return;
    }
    firstByText.set(normalized, i);
    const set = sets[i] as Uint32Array;
    const sig = minhashSignature(set, bands * rows);
    const keys: string[] = [];
    for (let b = 0; b < bands; b++) keys.push(`${b}:${Array.from(sig.subarray(b * rows, (b + 1) * rows)).join(',')}`);
    // Each candidate costs an exact Jaccard; a text in a crowded bucket (templated traffic) stops after
    // MAX_CHECKS comparisons so the pass stays near-linear.
    let match = -1;
    let checks = 0;
    const seen = new Set<number>();
    for (const key of keys) {
      for (const j of buckets.get(key) ?? []) {
        if (match !== -1 || checks >= MAX_CHECKS) break;
        if (seen.has(j)) continue;
        seen.add(j);
        checks++;
        if (jaccard(set, sets[j] as Uint32Array) >= threshold) match = j;
      }
      if (match !== -1 || checks >= MAX_CHECKS) break;
    }
    if (match !== -1) {
      dupOf[i] = match;
      return;
    }
    for (const key of keys) {
      const list = buckets.get(key);
      if (list === undefined) buckets.set(key, [i]);
      else list.push(i);
    }
  });
  return dupOf;
}
