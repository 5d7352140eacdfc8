/**
 * Luhn (mod 10) check digit test, ISO/IEC 7812-1 Annex B: the check every payment card number
 * passes. Non-digits are ignored.
 * @example luhnValid('4111 1111 1111 1111') // true
 */
export function luhnValid(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
