import { z } from 'zod';

/** Options of `skew`; defaults documented here are the CLI's defaults. */
export const SkewOptionsSchema = z.object({
  goldSet: z.string().min(1),
  /** False discovery rate for Benjamini–Hochberg over all labeler, labeler × slice, drift and fatigue tests. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** Monte-Carlo permutations per leniency test (0: normal approximation only). */
  permutations: z.number().int().min(0).max(1_000_000).default(1000),
  seed: z.number().int().default(1),
  /** Bootstrap replicates over items for agreement intervals (0: none). */
  bootstrap: z.number().int().min(0).max(100_000).default(200),
  /** Fewest compared labels for a labeler or labeler × slice test. */
  minLabels: z.number().int().min(2).default(10),
  /** Fewest shared items for a pairwise Cohen's kappa. */
  minShared: z.number().int().min(1).default(20),
  /** Smallest |effect| (label units) that can be flagged, on top of significance. */
  minEffect: z.number().min(0).default(0),
});
export type SkewOptions = z.input<typeof SkewOptionsSchema>;
export type ResolvedSkewOptions = z.output<typeof SkewOptionsSchema>;
