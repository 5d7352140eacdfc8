/** A parsed Items-screen search: free text plus `slice:NAME` and `labeler:ID` filters. */
export interface ItemQuery {
  readonly text: string;
  readonly slice: string | null;
  readonly labeler: string | null;
}

/**
 * Parses what was typed after `/`: `slice:refunds labeler:dana.r late fee` filters to the slice and
 * labeler and searches "late fee" in item ids and texts (case-insensitive substring).
 * @example parseItemQuery('slice:tone  hello') // { text: 'hello', slice: 'tone', labeler: null }
 */
export function parseItemQuery(input: string): ItemQuery {
  let slice: string | null = null;
  let labeler: string | null = null;
  const words: string[] = [];
  for (const word of input.trim().split(/\s+/)) {
    if (word === '') continue;
    const m = /^(slice|labeler):(.+)$/i.exec(word);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      if (m[1].toLowerCase() === 'slice') slice = m[2];
      else labeler = m[2];
    } else words.push(word);
  }
  return { text: words.join(' '), slice, labeler };
}
