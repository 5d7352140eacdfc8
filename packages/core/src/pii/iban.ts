/**
 * ISO 13616 IBAN check: two letters (country), two check digits, 11–30 alphanumerics, and the
 * number read with letters as 10–35 is ≡ 1 (mod 97) once the first four characters move to the end
 * (ISO 7064 MOD 97-10). Spaces are ignored.
 * @example ibanValid('DE89 3704 0044 0532 0130 00') // true
 */
export function ibanValid(text: string): boolean {
  const s = text.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rem = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = v > 9 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}
