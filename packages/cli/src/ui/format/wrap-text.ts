/**
 * Greedy word wrap into lines of at most `width` code points (wide characters may overflow; the
 * screen truncates each line to the terminal); words longer than a line are cut. Newlines in the text start new lines. At most `maxLines` lines, the last ending
 * in "…" when text was left out.
 * @example wrapText('the quick brown fox', 9) // ['the quick', 'brown fox']
 */
export function wrapText(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      let rest = [...word];
      while (rest.length > 0) {
        const room = line === '' ? w : w - [...line].length - 1;
        if (rest.length <= room) {
          line = line === '' ? rest.join('') : `${line} ${rest.join('')}`;
          rest = [];
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, w).join(''));
          rest = rest.slice(w);
        }
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = [...(kept[kept.length - 1] ?? '')];
  kept[kept.length - 1] = `${last.slice(0, w - 1).join('')}…`;
  return kept;
}
