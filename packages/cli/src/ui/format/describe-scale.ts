import type { Scale } from '@touchstone/core/schemas';

/** "ordinal 1–5, pass ≥ 4" — a scale in words for the summary. */
export function describeScale(scale: Scale): string {
  switch (scale.kind) {
    case 'binary':
      return 'binary (pass = 1)';
    case 'ordinal':
    case 'interval':
      return `${scale.kind} ${scale.min}–${scale.max}, pass ≥ ${scale.pass_threshold ?? (scale.min + scale.max) / 2}`;
    case 'nominal':
      return `nominal ${scale.categories.join('/')}, pass = ${(scale.pass_categories ?? scale.categories.slice(0, 1)).join('/')}`;
  }
}
