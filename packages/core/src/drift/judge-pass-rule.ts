import { z } from 'zod';
import type { Scale } from '../schemas/scale.js';
import { passThreshold } from '../scale/pass-threshold.js';

/** The judge's score scale when it differs from the gold set's (drift.judge_scale in touchstone.config.json). */
export const JudgeScaleSchema = z
  .object({
    min: z.number(),
    max: z.number(),
    /** false when a low judge score is the good one (a toxicity or error score); default true. */
    higher_is_better: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.min < s.max, { message: 'judge_scale.min must be below judge_scale.max' });
export type JudgeScale = z.infer<typeof JudgeScaleSchema>;

/** Where the pass rule applied to judge scores came from, as the report states it. */
export const PassRuleSchema = z.object({
  /** A judge score passes when it is at or above (higher_is_better) or at or below this. */
  threshold: z.number(),
  higher_is_better: z.boolean(),
  source: z.enum(['flag', 'config', 'gold set', 'default']),
  /** The scale and pass rule in words, e.g. "gold set ordinal 1–5, pass ≥ 4". */
  description: z.string(),
});
export type PassRule = z.infer<typeof PassRuleSchema>;

/**
 * The rule that turns a judge score into pass/fail for the drift report: a --pass-threshold flag,
 * else drift.pass_threshold in the config (both on the judge's scale), else the gold set's own pass
 * rule — mapped linearly onto the judge's scale when drift.judge_scale says the judge scores on
 * another one (min→min, max→max, reversed when a low judge score is good). Binary gold sets pass at a
 * judge score ≥ 0.5 (0/1 verdicts or probabilities); a nominal gold set has no numeric rule, so 0.5
 * is a stated default.
 */
export function resolvePassRule(scale: Scale, options: { flag?: number | undefined; config?: number | undefined; judgeScale?: JudgeScale | undefined }): PassRule {
  const higher = options.judgeScale?.higher_is_better ?? true;
  const on = options.judgeScale === undefined ? '' : ` on the judge's scale ${options.judgeScale.min}–${options.judgeScale.max}${higher ? '' : ' (lower is better)'}`;
  const cmp = higher ? '≥' : '≤';
  if (options.flag !== undefined) return { threshold: options.flag, higher_is_better: higher, source: 'flag', description: `--pass-threshold: a judge score ${cmp} ${options.flag} passes${on}` };
  if (options.config !== undefined) return { threshold: options.config, higher_is_better: higher, source: 'config', description: `drift.pass_threshold: a judge score ${cmp} ${options.config} passes${on}` };
  switch (scale.kind) {
    case 'binary':
      return { threshold: 0.5, higher_is_better: true, source: 'gold set', description: 'gold set binary: a judge score ≥ 0.5 passes' };
    case 'nominal':
      return { threshold: 0.5, higher_is_better: higher, source: 'default', description: `gold set nominal (${scale.categories.join(', ')}) has no numeric pass rule: a judge score ${cmp} 0.5 passes (set drift.pass_threshold)` };
    case 'ordinal':
    case 'interval': {
      const t = passThreshold(scale);
      const own = `gold set ${scale.kind} ${scale.min}–${scale.max}, pass ≥ ${t}${scale.pass_threshold === undefined ? ' (the midpoint: no pass threshold was set)' : ''}`;
      const js = options.judgeScale;
      if (js === undefined) return { threshold: t, higher_is_better: true, source: 'gold set', description: own };
      const u = (t - scale.min) / (scale.max - scale.min);
      const mapped = higher ? js.min + u * (js.max - js.min) : js.max - u * (js.max - js.min);
      return { threshold: mapped, higher_is_better: higher, source: 'gold set', description: `${own}, mapped linearly (drift.judge_scale) to a judge score ${cmp} ${round(mapped)}${on}` };
    }
  }
}

/** Whether a judge score passes under the rule; null stays null (no score). */
export function judgePasses(rule: Pick<PassRule, 'threshold' | 'higher_is_better'>, score: number | null): boolean | null {
  if (score === null) return null;
  return rule.higher_is_better ? score >= rule.threshold : score <= rule.threshold;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
