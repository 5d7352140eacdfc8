import { isPlainObject } from './source-fields.js';

type Value = { readonly value: string | number } | { readonly reason: string };

const READ_TYPES = 'choices, rating, number, textarea, pairwise';

/**
 * The answer held by one Label Studio result: one choice, a rating, a number, a text, or a
 * pairwise pick. Several choices (a multi-select) and region results are not one label.
 */
export function labelStudioValue(result: { readonly type?: string | undefined; readonly value?: Record<string, unknown> | undefined } | { readonly duplicate: true }): Value {
  if ('duplicate' in result) return { reason: 'answered more than once in one annotation (per-region results are not one label)' };
  const v = result.value ?? {};
  switch (result.type) {
    case 'choices': {
      const choices = v['choices'];
      if (!Array.isArray(choices) || choices.length === 0) return { reason: 'no choice selected' };
      if (choices.length > 1) return { reason: `${choices.length} choices selected (${choices.map(String).join(', ')}); a label holds one value` };
      return scalar(choices[0]);
    }
    case 'rating':
      return scalar(v['rating']);
    case 'number':
      return scalar(v['number']);
    case 'textarea': {
      const text = v['text'];
      if (Array.isArray(text)) return text.length === 0 ? { reason: 'empty text' } : { value: text.map(String).join('\n') };
      return scalar(text);
    }
    case 'pairwise':
      return scalar(v['selected']);
    default:
      return { reason: `result type "${String(result.type)}" is not a label Touchstone reads (${READ_TYPES})` };
  }
}

function scalar(value: unknown): Value {
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  if (typeof value === 'string' && value !== '') return { value };
  if (isPlainObject(value) || Array.isArray(value)) return { reason: `unexpected value ${JSON.stringify(value)}` };
  return { reason: 'missing value' };
}
