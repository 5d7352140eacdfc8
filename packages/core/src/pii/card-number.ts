import { luhnValid } from './luhn.js';

/**
 * Whether a digit string is a payment card number: an issuer prefix and length of a major network
 * (ISO/IEC 7812 IIN ranges as the networks publish them: Visa 4, 13/16/19 digits; Mastercard
 * 51–55 and 2221–2720, 16; American Express 34/37, 15; Discover 6011/644–649/65, 16–19; Diners
 * 36/38/39/300–305, 14–19; JCB 3528–3589, 16–19; UnionPay 62, 16–19) and the Luhn check.
 * @example isCardNumber('4111111111111111') // true
 */
export function isCardNumber(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const brand =
    (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) ||
    (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) ||
    ((p2 === 34 || p2 === 37) && n === 15) ||
    ((p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) && n >= 16 && n <= 19) ||
    ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) && n >= 14 && n <= 19) ||
    (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) ||
    (p2 === 62 && n >= 16 && n <= 19);
  return brand && luhnValid(digits);
}
