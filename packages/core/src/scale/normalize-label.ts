import type { Scale } from '../schemas/scale.js';

export type NormalizedLabel = { readonly value: number | null; readonly text: string | null } | { readonly reason: string };

const TRUE_WORDS = new Set(['true', 'pass', 'yes', 'y', 'accept', 'correct', '1']);
const FALSE_WORDS = new Set(['false', 'fail', 'no', 'n', 'reject', 'incorrect', '0']);

/** Checks a raw label against a gold set's scale; numeric scales store `value`, nominal stores `text`. */
export function normalizeLabel(scale: Scale, raw: unknown): NormalizedLabel {
  switch (scale.kind) {
    case 'binary': {
      if (raw === true || raw === 1) return { value: 1, text: null };
      if (raw === false || raw === 0) return { value: 0, text: null };
      if (typeof raw === 'string') {
        const w = raw.trim().toLowerCase();
        if (TRUE_WORDS.has(w)) return { value: 1, text: null };
        if (FALSE_WORDS.has(w)) return { value: 0, text: null };
      }
      return { reason: `${JSON.stringify(raw)} is off the binary scale (expected 0/1, true/false, pass/fail)` };
    }
    case 'ordinal':
    case 'interval': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) return { reason: `${JSON.stringify(raw)} is not a number on the ${scale.kind} scale ${scale.min}–${scale.max}` };
      if (scale.kind === 'ordinal' && !Number.isInteger(n)) return { reason: `${n} is not a whole number on the ordinal scale ${scale.min}–${scale.max}` };
      if (n < scale.min || n > scale.max) return { reason: `${n} is off the ${scale.kind} scale ${scale.min}–${scale.max}` };
      return { value: n, text: null };
    }
    case 'nominal': {
      const t = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
      if (!scale.categories.includes(t)) return { reason: `${JSON.stringify(raw)} is not one of the categories ${scale.categories.join(', ')}` };
      return { value: null, text: t };
    }
  }
}
