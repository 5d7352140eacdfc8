import { ERASED_TEXT } from '../integrity/erasure-detail.js';

/** Shorter erased texts ("ok", "thanks") are not searched for: they are not personal and would blank unrelated words. */
const MIN_CHARS = 8;

/**
 * Replaces with `[erased]` every copy of an erased text in `s`: the whole text, or a prefix of it (at
 * least 8 characters) cut short by `…`, as reports quote examples (`truncate` in drift/cluster-text.ts).
 * @example scrubText('like "my name is Zebul…"', ['my name is Zebulon Q']) // 'like "[erased]…"'
 */
export function scrubText(s: string, fragments: readonly string[]): string {
  let out = s;
  for (const f of fragments) {
    if (f.length < MIN_CHARS) continue;
    const head = f.slice(0, MIN_CHARS);
    for (let i = out.indexOf(head); i !== -1; i = out.indexOf(head, i + 1)) {
      let j = MIN_CHARS;
      while (j < f.length && out[i + j] === f[j]) j += 1;
      if (j < f.length && out[i + j] !== '…') continue;
      out = `${out.slice(0, i)}${ERASED_TEXT}${out.slice(i + j)}`;
    }
  }
  return out;
}

/** `scrubText` over every string (keys included) of a JSON document; the document unchanged when nothing matched. */
export function scrubJson(json: string, fragments: readonly string[]): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, fragments);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrubText(k, fragments), walk(x)]));
    return v;
  };
  const scrubbed = JSON.stringify(walk(JSON.parse(json)));
  return scrubbed === JSON.stringify(JSON.parse(json)) ? json : scrubbed;
}

/** The texts of erased traffic rows to search for elsewhere: input, output and every string in metadata. */
export function erasedFragments(rows: readonly { input: string; output: string | null; metadata: string | null }[]): string[] {
  const out = new Set<string>();
  const strings = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(strings);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(strings);
  };
  for (const r of rows) {
    out.add(r.input);
    if (r.output !== null) out.add(r.output);
    if (r.metadata !== null) {
      try {
        strings(JSON.parse(r.metadata));
      } catch {
        out.add(r.metadata);
      }
    }
  }
  // Longest first, so a text is not half-replaced by a shorter one it starts with.
  return [...out].filter((f) => f.length >= MIN_CHARS).sort((a, b) => b.length - a.length);
}
