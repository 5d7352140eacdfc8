import { createRng } from '../rng.js';

/**
 * Uniform numbers in [0, 1) in blocks, for hot loops (permutation tests, bootstraps over a million
 * items). The generator is xoshiro128** (Blackman & Vigna 2018), the algorithm of stats/rng.ts,
 * seeded from createRng(seed); `fill` runs it on local variables, because one closure call per
 * number costs more than what the loops do with it.
 */
export interface UniformStream {
  /** Fills `out` with independent uniforms on [0, 1) (32-bit resolution). */
  fill(out: Float64Array): void;
}

export function createUniformStream(seed: number): UniformStream {
  const seeder = createRng(seed);
  const state = Int32Array.from({ length: 4 }, () => (seeder.next() * 4294967296) | 0);
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[3] = 1;
  return {
    fill(out) {
      let s0 = state[0]!;
      let s1 = state[1]!;
      let s2 = state[2]!;
      let s3 = state[3]!;
      for (let i = 0; i < out.length; i++) {
        const r = Math.imul(s1, 5);
        out[i] = (Math.imul((r << 7) | (r >>> 25), 9) >>> 0) / 4294967296;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
      state[0] = s0;
      state[1] = s1;
      state[2] = s2;
      state[3] = s3;
    },
  };
}
