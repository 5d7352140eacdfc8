import { stripControl } from './strip-control.js';

/**
 * A copy of plain data (rows, reports) with every string passed through `stripControl`, keys
 * included: what the terminal UI and the text summary display comes from here. Strings keep their
 * newlines (block mode) so item texts can still wrap; table cells strip them again per line.
 */
export function sanitizeDeep<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return stripControl(value, 'block');
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[stripControl(k, 'line')] = clean(v);
    return out;
  }
  return value;
}
