import { z } from 'zod';
import type { CorrectedPassRate } from './corrected-pass-rate.js';
import type { PpiMean } from './ppi-mean.js';

const Interval = z.tuple([z.number(), z.number()]);

/** What `correctedPassRate` returns: the Rogan–Gladen estimate with its bootstrap interval and diagnostics. */
export const CorrectedPassRateSchema = z.object({
  estimate: z.number(),
  ci: Interval,
  diagnostics: z.object({
    method: z.literal('rogan-gladen'),
    tpr: z.number(),
    tnr: z.number(),
    observed_pass_rate: z.number(),
    unclipped_estimate: z.number(),
    n_labeled: z.number().int(),
    n_positive: z.number().int(),
    n_negative: z.number().int(),
    n_unlabeled: z.number().int(),
    resamples: z.number().int(),
    resamples_used: z.number().int(),
    resample_unlabeled: z.boolean(),
    confidence: z.number(),
  }),
});

/** What `ppiMean` returns: the prediction-powered estimate of a mean with its interval and diagnostics. */
export const PpiMeanSchema = z.object({
  estimate: z.number(),
  ci: Interval,
  diagnostics: z.object({
    method: z.enum(['ppi', 'ppi++', 'classical', 'fixed-lambda']),
    lambda: z.number(),
    alpha: z.number(),
    n_labeled: z.number().int(),
    n_unlabeled: z.number().int(),
    rectifier: z.number(),
    imputed_mean: z.number(),
    standard_error: z.number(),
  }),
});

// The functions declare their result types by hand; these fail to compile if a schema and its type drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCorrected: Same<z.infer<typeof CorrectedPassRateSchema>, DeepMutable<CorrectedPassRate>> = true;
const samePpi: Same<z.infer<typeof PpiMeanSchema>, DeepMutable<PpiMean>> = true;
void sameCorrected;
void samePpi;
type DeepMutable<T> = T extends readonly unknown[] ? T : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
