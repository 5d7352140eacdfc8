/** A key given twice in one JSON object: `record` counts record-level objects from 1, `field` is its path ("meta.score"). */
export interface DuplicateKey {
  readonly record: number;
  readonly field: string;
}

interface Frame {
  readonly keys: Set<string> | undefined;
  readonly path: string;
  wantKey: boolean;
  lastKey: string;
}

/**
 * Every key given twice in one object of JSON text, since JSON.parse and DuckDB's read_json both keep
 * one of the values silently. Record-level objects are the top-level objects (one per JSONL line)
 * and the objects directly inside a top-level array; `record` counts them from 1. One pass over the
 * characters; the text is assumed to parse (JSON.parse or DuckDB say why when it does not). Works on
 * text decoded as latin1 too (keys then compare byte for byte).
 * @example findDuplicateKeys('{"score": 5, "score": 1}') // [{ record: 1, field: 'score' }]
 */
export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let record = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i + 1;
      let escaped = false;
      for (i = start; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i += 1;
        } else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys !== undefined && top.wantKey) {
        const key = escaped ? unescape(text.slice(start, i)) : text.slice(start, i);
        top.wantKey = false;
        top.lastKey = key;
        if (top.keys.has(key)) {
          out.push({ record, field: top.path === '' ? key : `${top.path}.${key}` });
          if (out.length >= limit) return out;
        } else top.keys.add(key);
      }
    } else if (c === 0x7b || c === 0x5b) {
      const parent = stack[stack.length - 1];
      if (c === 0x7b && (parent === undefined || (stack.length === 1 && parent.keys === undefined))) record += 1;
      const path = parent === undefined ? '' : parent.keys === undefined ? parent.path : parent.path === '' ? parent.lastKey : `${parent.path}.${parent.lastKey}`;
      stack.push({ keys: c === 0x7b ? new Set() : undefined, path, wantKey: true, lastKey: '' });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.wantKey = true;
    }
  }
  return out;
}

function unescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The parse-error reason for a duplicated key; the rejected record's detail names the field (`field "x": duplicate key: …`). */
export const DUPLICATE_KEY_REASON = 'duplicate key: given more than once in this record (JSON readers keep only one value silently; remove the extra one)';

/** The reason for a whole input refused for a duplicated key, where no record detail carries the field. */
export function duplicateKeyReason(field: string): string {
  return `field "${field}": ${DUPLICATE_KEY_REASON}`;
}

/**
 * Checks JSONL bytes read in pieces for a duplicated key, whole lines at a time (the part after the
 * last newline waits for the next piece). Latin1 decoding keeps it cheap and compares keys byte for byte.
 */
export function jsonlDuplicateKeyCheck(): { push(chunk: Buffer): boolean; end(): boolean } {
  let carry: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer): boolean => bytes.indexOf(0x22) !== -1 && findDuplicateKeys(bytes.toString('latin1'), 1).length > 0;
  return {
    push(chunk) {
      const buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const end = buf.lastIndexOf(0x0a);
      if (end === -1) {
        carry = Buffer.from(buf);
        return false;
      }
      carry = Buffer.from(buf.subarray(end + 1));
      return check(buf.subarray(0, end + 1));
    },
    end: () => carry.length > 0 && check(carry),
  };
}
