/** Deepest nesting a record may have. Real exports stay far below; deeper input is an attack or a bug, and would overflow the call stack of the code that reads it (JSON.stringify, importers, zod). */
export const MAX_JSON_DEPTH = 512;

/**
 * The 1-based line where JSON text first nests deeper than `limit` arrays and objects, or undefined.
 * One pass over the characters, skipping strings; lines shorter than 2 × limit cannot be that deep.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  if (text.length <= 2 * limit) return undefined;
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line += 1;
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return line;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return undefined;
}
