import type { Scale } from '../schemas/scale.js';

/**
 * Whether a (consensus) label passes. Binary: 1 passes. Ordinal/interval: at or above the gold set's
 * `pass_threshold`, or the scale's midpoint when none was set. Nominal: one of `pass_categories`
 * (or, when none were set, the first category).
 */
export function passes(scale: Scale, value: number | null, text: string | null): boolean | null {
  switch (scale.kind) {
    case 'binary':
      return value === null ? null : value >= 0.5;
    case 'ordinal':
    case 'interval':
      return value === null ? null : value >= passThreshold(scale);
    case 'nominal':
      return text === null ? null : (scale.pass_categories ?? scale.categories.slice(0, 1)).includes(text);
  }
}

export function passThreshold(scale: Extract<Scale, { kind: 'ordinal' | 'interval' }>): number {
  return scale.pass_threshold ?? (scale.min + scale.max) / 2;
}
