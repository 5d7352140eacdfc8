import { Option, type Command } from 'commander';
import { z } from 'zod';
import { EXIT, UsageError, type ExitCode } from '@touchstone/core';
import { calibrateJudge, compareJudgesInStore, correctJudge, resolveWindow } from '@touchstone/judge-calibration/store';
import type { CommandModule } from '../command-module.js';
import { intText, numberText, parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderJudgeCalibration, renderJudgeComparison, renderJudgeCorrection } from '../render/judge.js';
import { printJson, printText, runAction } from '../run-action.js';
import { windowEnd, windowEndNote } from '../window-end.js';

/** Number flags stay text in commander and are checked here, so a bad value is a usage error (exit 2). */
const edgesText = z
  .string()
  .transform((v) => v.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x))))
  .refine((e) => e.length >= 2 && e.every(Number.isFinite), 'expects at least two comma-separated numbers, e.g. 0,0.2,0.5,0.8,1')
  .refine((e) => e.every((x, i) => i === 0 || x > (e[i - 1] as number)), 'edges must be strictly increasing');

const Common = z.object({
  gold: z.string().min(1),
  bands: edgesText.optional(),
  tolerance: numberText.pipe(z.number().min(0, 'must be ≥ 0')).optional(),
  target: numberText.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).optional(),
  pairs: z.enum(['consensus', 'all']).optional(),
  confidence: numberText.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).optional(),
  resamples: intText.pipe(z.number().min(100, 'must be ≥ 100')).optional(),
  seed: intText.optional(),
  json: z.boolean().optional(),
});
const CalibrateOptions = Common.extend({
  judge: z.string().min(1),
  next: intText.pipe(z.number().min(0, 'must be ≥ 0')).optional(),
  requireTrusted: z.string().min(1).optional(),
});
const CompareOptions = Common.extend({
  judge: z.string().min(1),
  against: z.string().min(1),
  alpha: numberText.pipe(z.number().gt(0, 'must be in (0, 0.5]').lte(0.5, 'must be in (0, 0.5]')).optional(),
  failOnRegression: z.boolean().optional(),
});
const CorrectOptions = z.object({
  gold: z.string().min(1),
  judge: z.string().min(1),
  shadow: z.string().min(1).optional(),
  window: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  now: z.string().optional(),
  confidence: Common.shape.confidence,
  resamples: Common.shape.resamples,
  seed: Common.shape.seed,
  json: z.boolean().optional(),
});

const CALIBRATE_HELP = `
Pairs each of the judge's scores (its latest per item) with the gold set's human consensus — majority
for binary and nominal scales, median for ordinal and interval; --pairs all pairs it with every
current human label instead (intervals then treat labels as independent, which overstates precision
when labelers agree). Ordinal judge scores count for their nearest scale point (2.5 → 3).

Bands: by the judge's score (precision view: when the judge says 5, how often do humans agree?) and
by the human score (recall view: of what humans rate 1, how much does the judge catch?). Default: one
band per scale point; --bands 0,0.2,0.5,0.8,1 for continuous scores (bands [a, b), the last closed).
Agreement means |judge − human| ≤ tolerance (default ±1 on ordinal scales, a tenth of the range on
interval scales, exact on binary/nominal), with a Wilson interval; bias (judge − human) and MAE get
BCa bootstrap intervals. A band is trusted when its agreement interval's lower bound reaches
--target (default 0.8), untrusted when the upper bound is below it, insufficient otherwise — with the
human labels it would need. Overall: Cohen's kappa (linear/quadratic weighted on ordinal scales),
Spearman, Kendall tau-b, the confusion matrix; the headline puts aggregate agreement next to the
worst band's. Next labels: unlabeled items the judge scored, from the weakest bands, alternating
between the highest and lowest judge scores (EvalGen).

Exit codes: 0 a report (untrusted bands are findings in it, not failures); 1 when a band named in
--require-trusted is not trusted (untrusted, or insufficient to tell); 2 usage; 3 data or store.
touchstone guard takes the same --require-trusted list.

Examples:
  touchstone ingest judge judge.jsonl --judge gpt-judge@v3 --gold support
  touchstone judge calibrate --gold support --judge gpt-judge@v3
  touchstone judge calibrate --gold support --judge gpt-judge@v3 --require-trusted 4,5   # CI gate
  touchstone judge calibrate --gold relevance --judge scorer --bands 0,0.2,0.5,0.8,1 --json | jq '.bands'`;

export const judgeCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    const judge = program.command('judge').description('LLM-judge calibration: agreement with humans per score band, judge upgrades, corrected pass rates');
    const common = (cmd: Command): Command =>
      cmd
        .requiredOption('--gold <name>', 'gold set whose human labels are the reference')
        .option('--bands <edges>', 'band edges, comma-separated and increasing (default: one band per scale point)')
        .option('--tolerance <k>', 'agreement tolerance |judge − human| ≤ k (default 1 on ordinal scales)')
        .option('--target <a>', 'agreement a band must reach to be trusted (default 0.8)')
        .addOption(new Option('--pairs <mode>', 'pair judge scores with the human consensus, or with every label').choices(['consensus', 'all']))
        .option('--confidence <c>', 'confidence level of every interval (default 0.95)')
        .option('--resamples <n>', 'bootstrap resamples for BCa intervals (default 2000)')
        .option('--seed <n>', 'bootstrap seed (default 1): same data and seed, same report')
        .option('--json', 'print one JSON document');

    common(judge.command('calibrate').description("per-band agreement of a judge's scores with the gold set's humans, with verdicts"))
      .requiredOption('--judge <name>', 'judge name and version, as given to `ingest judge --judge`')
      .option('--next <n>', 'how many items to suggest for human labeling next (default 20)')
      .option('--require-trusted <bands>', 'exit 1 unless these judge-score bands are trusted: comma-separated band labels, or "all"')
      .addHelpText('after', CALIBRATE_HELP)
      .action(async (raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const o = parseOptions(CalibrateOptions, raw, 'judge calibrate');
          const report = await withStoreProgress(ctx, cmd, 'read', (store) =>
            calibrateJudge(store, { gold: o.gold, judge: o.judge, ...shared(o), ...(o.next === undefined ? {} : { nextLabels: o.next }) }),
          );
          const failing = requiredBandsNotTrusted(o.requireTrusted, report.bands);
          if (o.json === true) printJson(ctx, { ...report, required_not_trusted: failing });
          else printText(ctx, renderJudgeCalibration(report, failing));
          return failing.length > 0 ? EXIT.finding : EXIT.ok;
        }));
      });

    common(judge.command('compare').description('evaluate a judge upgrade: a judge against a baseline judge on the same gold items'))
      .requiredOption('--judge <name>', 'the candidate judge')
      .requiredOption('--against <name>', 'the baseline judge it should not be worse than')
      .option('--alpha <a>', 'significance level of the paired tests (default 0.05)')
      .option('--fail-on-regression', 'exit 1 when the candidate agrees with humans significantly less than the baseline')
      .addHelpText('after', `
Both judges are calibrated on the gold items both scored. Per band of the human score (the same items
for both judges) the change in agreement is tested pairwise: exact McNemar on the items only one judge
agrees on, a Tango interval for the difference, Benjamini–Hochberg q-values across bands. Bands by each
judge's own score hold different items per judge and are shown side by side.

Exit codes: 0 report; 1 with --fail-on-regression when the candidate regressed; 2 usage; 3 data/store.

Example:
  touchstone judge compare --gold support --judge gpt-judge@v4 --against gpt-judge@v3 --fail-on-regression`)
      .action(async (raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const o = parseOptions(CompareOptions, raw, 'judge compare');
          const c = await withStoreProgress(ctx, cmd, 'read', (store) =>
            compareJudgesInStore(store, { gold: o.gold, judgeA: o.against, judgeB: o.judge, ...shared(o), ...(o.alpha === undefined ? {} : { alpha: o.alpha }) }),
          );
          if (o.json === true) printJson(ctx, c);
          else printText(ctx, renderJudgeComparison(c));
          return o.failOnRegression === true && c.verdict === 'regressed' ? EXIT.finding : EXIT.ok;
        }));
      });

    judge
      .command('correct')
      .description("estimate the true pass rate of unlabeled items from the judge's verdicts, corrected for its errors on the gold set")
      .requiredOption('--gold <name>', "gold set that measures the judge's errors")
      .requiredOption('--judge <name>', 'the judge, as ingested on the gold set; its verdicts on the unlabeled items must be traffic.judge_score')
      .option('--shadow <id>', 'a stored shadow set (its items carry the judge scores)')
      .option('--window <duration>', 'traffic served in the last 24h, 7d, 2w … before --now')
      .option('--since <iso>', 'traffic served from this time')
      .option('--until <iso>', 'traffic served before this time (default --now)')
      .option('--now <iso>', 'end of --window (default: the current time, or just after the last request when that window holds no traffic)')
      .option('--confidence <c>', 'confidence level of every interval (default 0.95; PPI alpha = 1 − c)')
      .option('--resamples <n>', 'bootstrap resamples for the Rogan–Gladen interval (default 20000)')
      .option('--seed <n>', 'bootstrap seed (default 1)')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
The judge's errors are measured on the gold set (human consensus pass/fail vs the judge's, by the gold
set's pass rule), then applied to its verdicts on unlabeled items: a shadow set (--shadow) or traffic in
a window. Rogan–Gladen (as judgy: θ = (p_obs + TNR − 1)/(TPR + TNR − 1), percentile bootstrap that also
resamples the unlabeled verdicts) assumes the judge's error rates given the true verdict carry over from
gold; PPI++ (tuned λ, as ppi_py) assumes gold is a random sample of the unlabeled items, which the report
tests (the judge's score distribution on gold vs on them, per slice). Both are stratified by slice when
every unlabeled item has a slice gold has pairs for, and weighted by a shadow set's weights. Rogan–Gladen
is recommended (a prevalence-shift simulation shows it keeps its coverage where PPI/PPI++ do not), PPI++
shown as sensitivity; where a slice cannot be corrected the report says why. The pooled, unweighted
Rogan–Gladen, PPI (λ = 1) and PPI++ follow for reference.

Examples:
  touchstone judge correct --gold support --judge online-judge --window 7d
  touchstone judge correct --gold support --judge online-judge --shadow support-2026-11-21 --json`)
      .action(async (raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const o = parseOptions(CorrectOptions, raw, 'judge correct');
          if (o.shadow !== undefined && (o.window !== undefined || o.since !== undefined)) throw new UsageError('BAD_OPTION', 'judge correct: --shadow and a traffic window (--window/--since) are alternatives');
          const bounds = definedOnly({ since: o.since, until: o.until, window: o.window, now: o.now });
          if (o.shadow === undefined) resolveWindow(bounds); // usage errors before the store opens
          const r = await withStoreProgress(ctx, cmd, 'read', async (store) => {
            let now = o.now;
            if (o.shadow === undefined && o.window !== undefined && o.now === undefined && o.until === undefined) {
              const end = await windowEnd(store, o.window);
              now = end.now;
              const note = windowEndNote('judge correct', o.window, end);
              if (note !== null) ctx.stderr(note);
            }
            const source = o.shadow !== undefined ? { kind: 'shadow' as const, shadowId: o.shadow } : { kind: 'window' as const, ...resolveWindow({ ...bounds, ...definedOnly({ now }) }) };
            return correctJudge(store, { gold: o.gold, judge: o.judge, source, ...definedOnly({ confidence: o.confidence, resamples: o.resamples, seed: o.seed }) });
          });
          if (o.json === true) printJson(ctx, r);
          else printText(ctx, renderJudgeCorrection(r));
          return EXIT.ok as ExitCode;
        }));
      });
  },
};

function shared(o: z.output<typeof Common>) {
  return definedOnly({ edges: o.bands, tolerance: o.tolerance, target: o.target, pairing: o.pairs, confidence: o.confidence, resamples: o.resamples, seed: o.seed });
}

/** Drops undefined values (exactOptionalPropertyTypes). */
function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function requiredBandsNotTrusted(spec: string | undefined, bands: readonly { band: string; verdict: string }[]): string[] {
  if (spec === undefined) return [];
  const wanted = spec.trim() === 'all' ? bands.map((b) => b.band) : spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = wanted.filter((w) => !bands.some((b) => b.band === w));
  if (unknown.length > 0) throw new UsageError('BAD_OPTION', `judge calibrate: --require-trusted names no such band: ${unknown.join(', ')} (bands: ${bands.map((b) => b.band).join(', ')})`);
  return bands.filter((b) => wanted.includes(b.band) && b.verdict !== 'trusted').map((b) => b.band);
}
