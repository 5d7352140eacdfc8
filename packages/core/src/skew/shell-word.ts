/**
 * A word a POSIX shell reads back as `s`: bare when it is plain, else single-quoted; text with a
 * control character (an escape code in a labeler id) uses bash/zsh ANSI-C quoting `$'…'` with each
 * control spelled out, so the command still works after a terminal has stripped the raw bytes.
 * @example shellWord('L07') // 'L07'
 * @example shellWord("o'neil") // "'o'\\''neil'"
 * @example shellWord('a\u001b[31mb') // "$'a\\x1b[31mb'"
 */
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9._@:/-]+$/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s)) return `'${s.replaceAll("'", "'\\''")}'`;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    // bash's \u writes the character's UTF-8 bytes, as the store holds it (\x would write one raw byte).
    else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}
