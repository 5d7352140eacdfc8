import { literal } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';

/**
 * SQL for one label as a number on which differences between labelers mean something: the label
 * value on binary, ordinal and interval scales (label units); on a nominal scale 1 when the category
 * passes and 0 when it fails, so differences are pass-rate points.
 */
export function scoreSql(scale: Scale): string {
  if (scale.kind !== 'nominal') return 'label_value';
  const passing = (scale.pass_categories ?? scale.categories.slice(0, 1)).map(literal).join(', ');
  return `CASE WHEN label_text IN (${passing}) THEN 1.0 WHEN label_text IS NULL THEN NULL ELSE 0.0 END`;
}

/** The unit a difference of `scoreSql` values is in, for labels on screen. */
export function scoreUnit(scale: Scale): string {
  return scale.kind === 'nominal' || scale.kind === 'binary' ? 'pass-rate points' : 'label points';
}
