import { z } from 'zod';

/**
 * A gold set's label scale, fixed by its first ingest and enforced on every later one.
 * - binary: labels 0/1 (true/false, pass/fail, yes/no accepted and stored as 1/0)
 * - ordinal: integers in [min, max]; `pass_threshold` is the lowest passing score
 * - interval: real numbers in [min, max]; `pass_threshold` likewise
 * - nominal: one of `categories`; `pass_categories` lists the passing ones
 */
export const ScaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('binary') }),
  z.object({
    kind: z.literal('ordinal'),
    min: z.number().int(),
    max: z.number().int(),
    pass_threshold: z.number().optional(),
  }),
  z.object({
    kind: z.literal('interval'),
    min: z.number(),
    max: z.number(),
    pass_threshold: z.number().optional(),
  }),
  z.object({
    kind: z.literal('nominal'),
    categories: z.array(z.string().min(1)).min(2),
    pass_categories: z.array(z.string()).optional(),
  }),
]);
export type Scale = z.infer<typeof ScaleSchema>;
export type ScaleKind = Scale['kind'];
