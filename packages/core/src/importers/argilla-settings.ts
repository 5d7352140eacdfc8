import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Scale } from '../schemas/scale.js';
import { isPlainObject } from './source-fields.js';

/** Where an Argilla export keeps its dataset settings: `Dataset.to_disk` writes settings.json beside records.json; `to_hub` writes .argilla/settings.json. */
const SETTINGS_FILES = ['settings.json', join('.argilla', 'settings.json')];

/**
 * The scale of a rating question from the export's own settings (`questions[].settings.options[].value`),
 * so a gold set whose labels happen not to use the top or bottom rating still gets the question's
 * range (0–3, not the 0–2 observed). Undefined when no settings file is found beside the records, or
 * the question is not a rating question there.
 */
export function argillaRatingScale(recordsFile: string, question: string | undefined): { scale: Scale; from: string } | undefined {
  if (question === undefined) return undefined;
  for (const name of SETTINGS_FILES) {
    const path = join(dirname(recordsFile), name);
    if (!existsSync(path)) continue;
    let settings: unknown;
    try {
      settings = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch {
      continue;
    }
    const questions = isPlainObject(settings) && Array.isArray(settings['questions']) ? settings['questions'] : [];
    const q = questions.find((x): x is Record<string, unknown> => isPlainObject(x) && x['name'] === question);
    const s = q === undefined ? undefined : q['settings'];
    if (!isPlainObject(s) || s['type'] !== 'rating' || !Array.isArray(s['options'])) return undefined;
    const values = s['options'].map((o) => (isPlainObject(o) ? o['value'] : undefined)).filter((v): v is number => typeof v === 'number' && Number.isInteger(v));
    if (values.length < 2) return undefined;
    return { scale: { kind: 'ordinal', min: Math.min(...values), max: Math.max(...values) }, from: path };
  }
  return undefined;
}
