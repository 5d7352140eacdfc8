import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig, type BuildShadowOptions, type schemas } from '@touchstone/core';
import type { CliContext } from '../context.js';
import { numberArg } from '../parse-options.js';

/** Threshold and config flags shared by `drift`, `drift-check` and `shadow build`. */
export const ThresholdFlags = z.object({
  config: z.string().optional(),
  passThreshold: z.number().optional(),
  q: z.number().gt(0).lt(1).optional(),
  psiWarn: z.number().positive().optional(),
  psiAlert: z.number().positive().optional(),
  jsDistance: z.number().positive().max(1).optional(),
  ksD: z.number().positive().max(1).optional(),
  passRateDiff: z.number().positive().max(1).optional(),
  coverageSimilarity: z.number().gt(0).max(1).optional(),
});
export type ThresholdFlagValues = z.infer<typeof ThresholdFlags>;

export function addConfigFlag(cmd: Command): Command {
  return cmd.option('--config <file>', 'read settings from this touchstone.config.json (default: ./touchstone.config.json when present)');
}

export function addThresholdFlags(cmd: Command): Command {
  return cmd
    .option('--pass-threshold <score>', "a judge score at or above this passes, on the judge's scale (default: the gold set's pass rule, or drift.pass_threshold)", numberArg('--pass-threshold'))
    .option('--q <alpha>', 'false discovery rate for Benjamini–Hochberg across all tests (default 0.05)', numberArg('--q'))
    .option('--psi-warn <psi>', 'PSI reported as a warning (default 0.1)', numberArg('--psi-warn'))
    .option('--psi-alert <psi>', 'PSI that alerts (default 0.25)', numberArg('--psi-alert'))
    .option('--js-distance <d>', 'Jensen–Shannon distance (base 2) of a mix that alerts (default 0.1)', numberArg('--js-distance'))
    .option('--ks-d <d>', 'Kolmogorov–Smirnov D of input/output length that alerts (default 0.1)', numberArg('--ks-d'))
    .option('--pass-rate-diff <d>', "size of a change in the judge's pass rate, gold to shadow, that alerts (default 0.05)", numberArg('--pass-rate-diff'))
    .option('--coverage-similarity <s>', 'cosine similarity of a close gold neighbour (default: auto, gold\'s own 5% quantile)', numberArg('--coverage-similarity'));
}

/**
 * The drift section of the config with the threshold flags laid over it (flags win). --pass-threshold
 * is not merged: it goes to core as `passThresholdFlag`, so the report can say where the rule came from.
 */
export function driftConfigFrom(config: schemas.TouchstoneConfig, flags: ThresholdFlagValues): schemas.DriftConfig {
  const d = config.drift ?? {};
  const thresholds = { ...d.thresholds };
  const set = <K extends keyof NonNullable<schemas.DriftConfig['thresholds']>>(k: K, v: number | undefined): void => {
    if (v !== undefined) thresholds[k] = v;
  };
  set('q', flags.q);
  set('psi_warn', flags.psiWarn);
  set('psi_alert', flags.psiAlert);
  set('js_distance', flags.jsDistance);
  set('ks_d', flags.ksD);
  set('pass_rate_diff', flags.passRateDiff);
  const coverage = { ...d.coverage, ...(flags.coverageSimilarity === undefined ? {} : { similarity: flags.coverageSimilarity }) };
  return { ...d, thresholds, coverage };
}

export function loadCliConfig(ctx: CliContext, file: string | undefined): schemas.TouchstoneConfig {
  return loadConfig(ctx.cwd, file).config;
}

/** The shadow-set sampling flags `shadow build` and `drift-check` share. */
export const ShadowSamplingFlags = z.object({
  window: z.string().optional(),
  now: z.string().optional(),
  size: z.number().int().positive().optional(),
  stratifyBy: z.string().regex(/^(slice|metadata\.[A-Za-z0-9_.-]+)$/, 'must be "slice" or "metadata.KEY"').optional(),
  seed: z.string().min(1).optional(),
  neyman: z.boolean().optional(),
  redact: z.boolean().optional(),
});

/**
 * The sampling parameters of a shadow set for `shadow build` and `drift-check`: flags over the
 * "shadow" section of touchstone.config.json (the window defaults to 7d, `now` to the current time);
 * what neither sets is left to core's SHADOW_DEFAULTS.
 */
export function shadowSampling(flags: z.infer<typeof ShadowSamplingFlags> & { dedupeThreshold?: number | undefined }, config: schemas.TouchstoneConfig): Omit<BuildShadowOptions, 'goldSet' | 'actor' | 'passThresholdFlag' | 'drift'> {
  const s = config.shadow ?? {};
  const size = flags.size ?? s.size;
  const stratifyBy = flags.stratifyBy ?? s.stratify_by;
  const seed = flags.seed ?? s.seed;
  const allocation = flags.neyman === true ? 'neyman' : s.allocation;
  const dedupeThreshold = flags.dedupeThreshold ?? s.dedupe_threshold;
  return {
    window: flags.window ?? s.window ?? '7d',
    now: flags.now ?? new Date().toISOString(),
    ...(size === undefined ? {} : { size }),
    ...(stratifyBy === undefined ? {} : { stratifyBy }),
    ...(seed === undefined ? {} : { seed }),
    ...(allocation === undefined ? {} : { allocation }),
    ...(dedupeThreshold === undefined ? {} : { dedupeThreshold }),
    pii: flags.redact === false ? { enabled: false } : (config.pii ?? {}),
  };
}
