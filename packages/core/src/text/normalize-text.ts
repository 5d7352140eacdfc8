/**
 * Canonical text for similarity and de-duplication: Unicode NFKC, lower case, every run of
 * characters that are not letters or digits turned into one space, trimmed. Two requests that
 * differ only in case, punctuation, spacing or full-width forms normalize to the same string.
 * @example normalizeText('  Hello,   WORLD!! ') // 'hello world'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
