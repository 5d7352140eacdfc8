import { UsageError } from '../errors/touchstone-error.js';
import { ScaleSchema, type Scale } from '../schemas/scale.js';

/**
 * Parses `--scale` text: `binary`, `ordinal:1-5`, `interval:0-1`, `nominal:good,bad,unsure`;
 * `passThreshold` / `passCategories` come from their own flags.
 */
export function parseScaleSpec(spec: string, passThreshold?: number, passCategories?: readonly string[]): Scale {
  const [kind, rest = ''] = spec.split(/:(.*)/s, 2) as [string, string?];
  let candidate: unknown;
  if (kind === 'binary') candidate = { kind };
  else if (kind === 'ordinal' || kind === 'interval') {
    const m = /^\s*(-?[\d.]+)\s*(?:-|\.\.)\s*(-?[\d.]+)\s*$/.exec(rest);
    if (m === null) throw new UsageError('SCALE_SYNTAX', `--scale ${spec}: give the range as ${kind}:MIN-MAX (for example ${kind}:1-5)`);
    candidate = { kind, min: Number(m[1]), max: Number(m[2]), ...(passThreshold === undefined ? {} : { pass_threshold: passThreshold }) };
  } else if (kind === 'nominal') {
    const categories = rest.split(',').map((c) => c.trim()).filter((c) => c !== '');
    candidate = { kind, categories, ...(passCategories === undefined ? {} : { pass_categories: [...passCategories] }) };
  } else {
    throw new UsageError('SCALE_KIND', `--scale ${spec}: the kind must be binary, ordinal:MIN-MAX, interval:MIN-MAX or nominal:A,B,…`);
  }
  const parsed = ScaleSchema.safeParse(candidate);
  if (!parsed.success) throw new UsageError('SCALE_INVALID', `--scale ${spec}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const scale = parsed.data;
  if ((scale.kind === 'ordinal' || scale.kind === 'interval') && scale.min >= scale.max) {
    throw new UsageError('SCALE_RANGE', `--scale ${spec}: MIN must be below MAX`);
  }
  if ((scale.kind === 'ordinal' || scale.kind === 'interval') && scale.pass_threshold !== undefined && !(scale.pass_threshold > scale.min && scale.pass_threshold <= scale.max)) {
    // At MIN every label would pass; outside the range none or all would.
    throw new UsageError('SCALE_PASS_THRESHOLD', `--pass-threshold ${scale.pass_threshold} is outside --scale ${spec}: the lowest passing score must be above ${scale.min} and at most ${scale.max}`);
  }
  if (scale.kind === 'nominal' && scale.pass_categories !== undefined) {
    const unknown = scale.pass_categories.filter((c) => !scale.categories.includes(c));
    if (unknown.length > 0) throw new UsageError('SCALE_PASS_CATEGORIES', `--pass-categories ${unknown.join(',')}: not among the categories of --scale ${spec}`);
  }
  return scale;
}
