import { UsageError } from '../errors/touchstone-error.js';

/** target field → source column, parsed from `--map item_id=orig_id,labeler_id=!amt_worker_ids`. */
export type FieldMap = Readonly<Record<string, string>>;

export function parseFieldMap(spec: string | undefined, allowed: readonly string[]): FieldMap {
  if (spec === undefined || spec.trim() === '') return {};
  const map: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) {
      throw new UsageError('MAP_SYNTAX', `--map: "${part}" is not field=column (example: --map item_id=orig_id,label=response)`);
    }
    const target = part.slice(0, eq).trim();
    const source = part.slice(eq + 1).trim();
    if (!allowed.includes(target)) {
      throw new UsageError('MAP_FIELD', `--map: "${target}" is not a field of this record; fields are ${allowed.join(', ')}`);
    }
    map[target] = source;
  }
  return map;
}

/** Applies a field map: mapped fields are read from their source column; unmapped ones keep their own name. */
export function applyFieldMap(record: Record<string, unknown>, map: FieldMap): Record<string, unknown> {
  if (Object.keys(map).length === 0) return record;
  const out: Record<string, unknown> = { ...record };
  for (const [target, source] of Object.entries(map)) {
    if (source !== target) delete out[source];
    out[target] = record[source];
  }
  return out;
}
