import { isIPv6 } from 'node:net';
import { luhnValid } from './luhn.js';

/** One redaction rule: a global pattern, an optional check on each match, and the placeholder it leaves. */
export interface PiiRule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly accept?: (match: string) => boolean;
}

export const BUILTIN_PII_RULES = ['email', 'ipv6', 'ipv4', 'card', 'phone'] as const;
export type BuiltinPiiRule = (typeof BUILTIN_PII_RULES)[number];

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/**
 * The built-in rules, applied in this order (so a card number is never half-taken as a phone, and
 * an IPv4 address inside an IPv6 one goes with it):
 * - email: local@domain.tld (RFC 5322's common subset);
 * - ipv6: full, compressed and IPv4-mapped forms, confirmed by Node's `net.isIPv6`;
 * - ipv4: dotted quad with octets 0–255;
 * - card: 13–19 digits, optionally grouped by spaces or dashes, passing the Luhn check;
 * - phone: 9–15 digits (ITU-T E.164's maximum) with an optional + and separators ( ) . - space.
 */
export function builtinPiiRule(name: BuiltinPiiRule): PiiRule {
  switch (name) {
    case 'email':
      return { name, pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, replacement: '[EMAIL]' };
    case 'ipv6':
      return {
        name,
        pattern: /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g,
        replacement: '[IP]',
        accept: (m) => isIPv6(m),
      };
    case 'ipv4':
      return { name, pattern: new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g'), replacement: '[IP]' };
    case 'card':
      return { name, pattern: /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g, replacement: '[CARD]', accept: luhnValid };
    case 'phone':
      return {
        name,
        pattern: /(?<![\w+])\+?\(?\d[\d ().-]{7,20}\d(?![\w])/g,
        replacement: '[PHONE]',
        accept: (m) => {
          const digits = m.replace(/\D/g, '').length;
          return digits >= 9 && digits <= 15;
        },
      };
  }
}
