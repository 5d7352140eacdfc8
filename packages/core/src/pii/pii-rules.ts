import { isIPv6 } from 'node:net';
import { isCardNumber } from './card-number.js';
import { ibanValid } from './iban.js';
import { ssnValid } from './ssn.js';

/**
 * One redaction rule: a global pattern for candidates, and a check that returns the span of a
 * candidate to redact ([start, end) within the match) or null. Candidates are taken generously
 * (digit groups run on into adjacent numbers) and the check finds the real value inside, so a card
 * or phone number followed by another number is still found.
 */
export interface PiiRule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly pick?: (match: string) => readonly [number, number] | null;
}

export const BUILTIN_PII_RULES = ['email', 'ipv6', 'ipv4', 'iban', 'card', 'ssn', 'phone'] as const;
export type BuiltinPiiRule = (typeof BUILTIN_PII_RULES)[number];

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const TLD = '(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|ca|au|us|info|biz|me|ai|app|dev|jp|cn|in|br|ru|ch|se|no|dk|fi|pl|be|at|ie|nz)';
const AT = String.raw`(?:\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+)`;
const DOT = String.raw`(?:\s*[[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\.)`;

/** Groups of `group` (digits or alphanumerics) with the separators between them, as [text, start]. */
function groups(match: string, group: RegExp): { text: string; start: number; end: number }[] {
  return [...match.matchAll(group)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The longest (then leftmost) run of whole groups whose joined text passes `ok`. */
function bestRun(match: string, group: RegExp, ok: (joined: string, first: number, sizes: readonly number[]) => boolean): readonly [number, number] | null {
  const g = groups(match, group);
  let best: readonly [number, number] | null = null;
  for (let i = 0; i < g.length; i++) {
    let joined = '';
    const sizes: number[] = [];
    for (let j = i; j < g.length; j++) {
      joined += g[j]?.text ?? '';
      sizes.push(g[j]?.text.replace(/\D/g, '').length ?? 0);
      const s = g[i]?.start ?? 0;
      const e = g[j]?.end ?? 0;
      if (ok(joined, i, sizes) && (best === null || e - s > best[1] - best[0])) best = [s, e];
    }
  }
  return best;
}

const NANP = /^1?[2-9]\d{2}[2-9]\d{6}$/;
/** How a NANP number is grouped: 415 555 0132, 1 415 555 0132, (415)555-0132, or ungrouped. */
const NANP_GROUPING = new Set(['3,3,4', '1,3,3,4', '3,7', '1,3,7', '10', '11']);
/** Card groups as printed (4-4-4-4, 4-6-5, 4-4-4-4-3 …): every group of 4–6 digits but the last (3–6), or one ungrouped run. */
const cardGrouping = (sizes: readonly number[]): boolean =>
  sizes.length === 1 || sizes.every((n, i) => n <= 6 && n >= (i === sizes.length - 1 ? 3 : 4));

/**
 * The built-in rules, applied in this order (an IBAN's digits are never half-taken as a card, nor a
 * card's as a phone):
 * - email: local@domain.tld, and spelled-out forms ("jane dot doe at example dot com",
 *   "jane[at]example[.]com", "jane (at) example (dot) com") ending in a common TLD;
 * - ipv6: full, compressed and IPv4-mapped forms, confirmed by Node's `net.isIPv6`; ipv4: dotted quad, octets 0–255;
 * - iban: country, check digits and 11–30 alphanumerics (grouped by spaces or not), MOD 97-10 valid;
 * - card: 13–19 digits, grouped by single spaces or dashes or not, with a network's prefix and length, Luhn-valid;
 * - ssn: AAA-GG-SSSS (dashes or spaces) with SSA-valid area, group and serial;
 * - phone: NANP (+1 optional, area and exchange 2–9, separators space . - or parentheses) and
 *   international numbers written with a leading + (8–15 digits, E.164's maximum).
 */
export function builtinPiiRule(name: BuiltinPiiRule): PiiRule {
  switch (name) {
    case 'email':
      return {
        name,
        pattern: new RegExp(
          String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|(?<![\w.])[A-Za-z0-9_%+-]+(?:${DOT}[A-Za-z0-9_%+-]+)*${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}${TLD}(?![\w])`,
          'gi',
        ),
        replacement: '[EMAIL]',
        // A spelled-out address needs an obfuscated "at" or "dot" between words; "x@y.z" passes as is.
        pick: (m) => (m.includes('@') || /\bdot\b|[[({<]/i.test(m) ? [0, m.length] : null),
      };
    case 'ipv6':
      return {
        name,
        pattern: /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g,
        replacement: '[IP]',
        pick: (m) => (isIPv6(m) ? [0, m.length] : null),
      };
    case 'ipv4':
      return { name, pattern: new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g'), replacement: '[IP]' };
    case 'iban':
      return {
        name,
        pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])/g,
        replacement: '[IBAN]',
        pick: (m) => bestRun(m, /[A-Z0-9]+/g, (joined, first) => first === 0 && ibanValid(joined)),
      };
    case 'card':
      return {
        name,
        pattern: /(?<![\w-])\d+(?:[ -]\d+)*(?![\w-])/g,
        replacement: '[CARD]',
        pick: (m) => bestRun(m, /\d+/g, (joined, _first, sizes) => joined.length >= 13 && joined.length <= 19 && cardGrouping(sizes) && isCardNumber(joined)),
      };
    case 'ssn':
      return {
        name,
        pattern: /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g,
        replacement: '[SSN]',
        pick: (m) => (ssnValid(m) ? [0, m.length] : null),
      };
    case 'phone':
      return {
        name,
        pattern: /(?<![\w+])(?:\+\d[\d ().-]{6,24}\d|(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]?\d{4}(?:[ .-]?\d+)*)(?![\w])/g,
        replacement: '[PHONE]',
        pick: (m) => {
          if (m.startsWith('+') && !m.startsWith('+1')) {
            // International: whole groups from the start with 8–15 digits in all.
            return bestRun(m, /\+?\(?\d+\)?/g, (joined, first) => first === 0 && /^\+\d{8,15}$/.test(joined.replace(/[()]/g, '')));
          }
          return bestRun(m, /\+?\(?\d+\)?/g, (joined, first, sizes) => first === 0 && NANP_GROUPING.has(sizes.join(',')) && NANP.test(joined.replace(/[+()]/g, '')));
        },
      };
  }
}
