/**
 * Terminal-safe text: removes every escape and control sequence a data string could carry, so an
 * item text or labeler id can never move the cursor, recolour the screen, set the clipboard
 * (OSC 52), plant a hyperlink (OSC 8), retitle the window or hide what came before it.
 *
 * Removed: ESC sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC `ESC P|X|^|_ … ST`,
 * two- and three-byte ESC sequences, a lone ESC), their 8-bit C1 forms (0x9B CSI, 0x9D OSC, 0x90 DCS,
 * 0x98 SOS, 0x9E PM, 0x9F APC), every other C1 control (0x80–0x9F), C0 controls and DEL, and the
 * Unicode bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder text.
 * An unterminated string sequence (OSC, DCS …) swallows the rest of the input, as a terminal would.
 *
 * `mode: 'line'` (default) turns tab, newline and carriage return into one space each, for a table
 * cell; `mode: 'block'` keeps newlines (CRLF and lone CR become LF) and expands tabs to two spaces.
 *
 * References: ECMA-48 5th ed. §5.3–5.6 (control functions, CSI parameter/intermediate/final bytes,
 * control strings); xterm ctlseqs (OSC 52 clipboard, OSC 8 hyperlinks).
 * @example stripControl('ok\u001b[2J\u001b]52;c;ZXZpbA==\u0007!') // 'ok!'
 */
export function stripControl(text: string, mode: 'line' | 'block' = 'line'): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      i = skipEscape(text, i + 1);
      continue;
    }
    if (c === 0x9b) {
      i = skipCsi(text, i + 1);
      continue;
    }
    if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) {
      i = skipString(text, i + 1, c === 0x9d);
      continue;
    }
    if (c === 0x0a || c === 0x0d || c === 0x09) {
      if (mode === 'line') out += ' ';
      else if (c === 0x09) out += '  ';
      else if (c === 0x0a || text.charCodeAt(i + 1) !== 0x0a) out += '\n';
      i += 1;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
      i += 1;
      continue;
    }
    out += text[i];
    i += 1;
  }
  return out;
}

function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** After ESC: skips the rest of the sequence and returns the index after it. */
function skipEscape(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return i;
  if (c === 0x5b) return skipCsi(text, i + 1); // [
  if (c === 0x5d) return skipString(text, i + 1, true); // ]
  if (c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) return skipString(text, i + 1, false); // P X ^ _
  // nF/Fp/Fe/Fs: intermediates 0x20–0x2F then one final byte 0x30–0x7E (ESC ( B, ESC 7, ESC c).
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j += 1;
  const f = text.charCodeAt(j);
  return f >= 0x30 && f <= 0x7e ? j + 1 : j;
}

/** CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E. A malformed one ends at the first other byte. */
function skipCsi(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j += 1;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j += 1;
  const f = text.charCodeAt(j);
  return f >= 0x40 && f <= 0x7e ? j + 1 : j;
}

/** A control string (OSC, DCS, SOS, PM, APC) up to ST (ESC \ or 0x9C), BEL for OSC, or an aborting ESC; unterminated: to the end. */
function skipString(text: string, i: number, bellEnds: boolean): number {
  for (let j = i; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 0x9c || (bellEnds && c === 0x07)) return j + 1;
    // ESC \ is ST; any other ESC aborts the string (as xterm does) and starts a new sequence.
    if (c === 0x1b) return text.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
  }
  return text.length;
}
