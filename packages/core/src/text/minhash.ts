import { mix32 } from './hash32.js';

/**
 * MinHash signature of a shingle set (Broder 1997, "On the resemblance and containment of
 * documents"): for k seeded hash functions, the minimum hash over the set. The share of equal
 * positions in two signatures estimates their Jaccard similarity with standard error
 * sqrt(J(1 − J)/k). An empty set gets all 0xffffffff.
 */
export function minhashSignature(shingles: Uint32Array, k = 64, seed = 1): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  const salts = saltsFor(k, seed);
  for (const s of shingles) {
    for (let i = 0; i < k; i++) {
      const h = mix32(s ^ (salts[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures of the same length. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

const saltCache = new Map<string, Uint32Array>();
function saltsFor(k: number, seed: number): Uint32Array {
  const key = `${k}:${seed}`;
  let salts = saltCache.get(key);
  if (salts === undefined) {
    salts = new Uint32Array(k);
    for (let i = 0; i < k; i++) salts[i] = mix32((seed * 0x9e3779b1 + i * 0x85ebca6b) >>> 0);
    saltCache.set(key, salts);
  }
  return salts;
}
