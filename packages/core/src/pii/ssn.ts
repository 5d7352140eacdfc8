/**
 * A US Social Security number as the SSA issues them: area 001–899 except 666, group 01–99,
 * serial 0001–9999 (SSA, "Social Security Number Randomization", 2011).
 * @example ssnValid('123-45-6789') // true
 */
export function ssnValid(text: string): boolean {
  const m = /^(\d{3})[- ](\d{2})[- ](\d{4})$/.exec(text);
  if (m === null) return false;
  const area = Number(m[1]);
  return area > 0 && area < 900 && area !== 666 && m[2] !== '00' && m[3] !== '0000';
}
