import { normalizeLabel } from './normalize-label.js';
import { passes } from './pass-threshold.js';
import type { Scale } from '../schemas/scale.js';

export type Converted = { readonly value: number; readonly pass: boolean } | { readonly reason: string };

/**
 * A stored score as a number calibration can compare: its value on numeric scales (a judge may give
 * fractions on an ordinal scale, e.g. an average of runs, but not values off it), 0/1 on binary
 * (words like pass/fail accepted), the category's index on nominal scales. `pass` follows the gold
 * set's pass rule (core scale/pass-threshold.ts).
 */
export function convertScore(scale: Scale, value: number | null, text: string | null): Converted {
  switch (scale.kind) {
    case 'binary': {
      if (value !== null) {
        if (!(value >= 0 && value <= 1)) return { reason: `${value} is off the binary scale (expected 0/1 or a probability)` };
        return { value, pass: value >= 0.5 };
      }
      const n = normalizeLabel(scale, text);
      if ('reason' in n) return n;
      return { value: n.value ?? 0, pass: n.value === 1 };
    }
    case 'ordinal':
    case 'interval': {
      const v = value ?? (text !== null && text.trim() !== '' ? Number(text) : Number.NaN);
      if (!Number.isFinite(v)) return { reason: `${JSON.stringify(text ?? value)} is not a number on the ${scale.kind} scale ${scale.min}–${scale.max}` };
      if (v < scale.min || v > scale.max) return { reason: `${v} is off the ${scale.kind} scale ${scale.min}–${scale.max}` };
      return { value: v, pass: passes(scale, v, null) === true };
    }
    case 'nominal': {
      const t = text ?? (value === null ? null : String(value));
      const i = t === null ? -1 : scale.categories.indexOf(t);
      if (i < 0) return { reason: `${JSON.stringify(t)} is not one of the categories ${scale.categories.join(', ')}` };
      return { value: i, pass: passes(scale, null, t) === true };
    }
  }
}
