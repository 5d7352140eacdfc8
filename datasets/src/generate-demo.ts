import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '@touchstone/core/stats';
import { DemoManifestSchema, MANIFEST_FILE, type DemoManifest } from './demo-manifest.js';
import { GOLD_SET, JUDGE, PASS_THRESHOLD, SCALE_SPEC, TRAFFIC } from './demo-story.js';
import { generateGoldItems, type GoldItem } from './gold-items.js';
import { generateGoldLabels } from './gold-labels.js';
import { generateJudgeScores } from './judge-scores.js';
import { realisedEffects } from './realised-effects.js';
import { generateTraffic } from './traffic.js';
import { writeAtomically, writeJsonl } from './write-jsonl.js';

export interface GenerateDemoOptions {
  readonly seed: number;
  /** Directory for the files (created if missing); default `datasets/out` (git-ignored). */
  readonly outDir?: string;
  /** Multiplies the number of gold items (2,000) and traffic records (50,000); default 1. */
  readonly scale?: number;
}

export interface DemoFiles {
  readonly dir: string;
  readonly labels: string;
  readonly judge: string;
  readonly traffic: string;
  readonly manifest: string;
}

export const DEFAULT_SEED = 20250728;
/** `datasets/out`, next to this package's `dist`. */
export const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'out');
export const FILE_NAMES = { labels: 'gold-labels.jsonl', judge: 'gold-judge.jsonl', traffic: 'traffic.jsonl' } as const;

/**
 * Generates the demo audit into `outDir`: gold labels (with item texts), judge scores on the gold
 * items, production traffic, and `manifest.json` (written last: its presence means the set is whole).
 * Pure function of (seed, scale): the same arguments give the same bytes.
 */
export function generateDemo(options: GenerateDemoOptions): { files: DemoFiles; manifest: DemoManifest } {
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`generateDemo: scale must be a positive number, got ${scale}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`generateDemo: seed must be an integer, got ${options.seed}`);
  const dir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  mkdirSync(dir, { recursive: true });
  // Independent streams: changing how one file is drawn leaves the others' bytes alone.
  const stream = (k: number) => createRng((options.seed + Math.imul(k, 0x9e3779b9)) >>> 0);

  const items = generateGoldItems(stream(1), Math.max(1, Math.round(2000 * scale)));
  const labels = generateGoldLabels(stream(2), items);
  const judge = generateJudgeScores(stream(3), items);
  const traffic = generateTraffic(stream(4), Math.max(1, Math.round(TRAFFIC.records * scale)), stream(5));

  const byId = new Map<string, GoldItem>(items.map((i) => [i.item_id, i]));
  const labelLines = labels.map((l) => {
    const item = byId.get(l.item_id);
    const { rationale, ...rest } = l;
    // The item's route (intent) as production traffic carries it in metadata: drift compares traffic's
    // intents with gold's (a new intent is one no gold item has). Drawn from no stream: no other byte moves.
    return { ...rest, input: item?.input, output: item?.output, reference: item?.reference, ...(rationale === undefined ? {} : { rationale }), ...(item === undefined ? {} : { metadata: { intent: item.intent } }) };
  });
  const files: DemoFiles = {
    dir,
    labels: join(dir, FILE_NAMES.labels),
    judge: join(dir, FILE_NAMES.judge),
    traffic: join(dir, FILE_NAMES.traffic),
    manifest: join(dir, MANIFEST_FILE),
  };
  const sha = { labels: writeJsonl(files.labels, labelLines), judge: writeJsonl(files.judge, judge), traffic: writeJsonl(files.traffic, traffic) };
  const manifest = DemoManifestSchema.parse({
    generator: '@touchstone/datasets',
    format_version: 1,
    seed: options.seed,
    scale,
    gold_set: GOLD_SET,
    scale_spec: SCALE_SPEC,
    pass_threshold: PASS_THRESHOLD,
    judge: JUDGE,
    files: {
      labels: { file: FILE_NAMES.labels, records: labels.length, sha256: sha.labels },
      judge: { file: FILE_NAMES.judge, records: judge.length, sha256: sha.judge },
      traffic: { file: FILE_NAMES.traffic, records: traffic.length, sha256: sha.traffic },
    },
    ...realisedEffects(labels, traffic, items.length),
  });
  writeAtomically(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, manifest };
}
