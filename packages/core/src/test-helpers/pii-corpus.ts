import { createRng, type Rng } from '../stats/rng.js';

/**
 * The redaction corpus (issue 12): texts with one planted PII value and the text redaction must
 * produce (positives), and texts with none that must come out unchanged (negatives). Generated
 * deterministically from a seed, plus hand-written tricky cases. Card, IBAN and SSN values are
 * built to pass their checksums; adjacent numbers and words are planted on purpose.
 */
export interface CorpusCase {
  readonly kind: string;
  readonly text: string;
  /** The expected redaction (equal to `text` for a negative). */
  readonly expected: string;
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join('');

function luhnComplete(body: string): string {
  for (let d = 0; d < 10; d++) {
    const s = body + String(d);
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let x = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  return body;
}

function iban(rng: Rng, country: string, bbanLength: number): string {
  const bban = digits(rng, bbanLength);
  const numeric = [...`${bban}${country}00`].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

const group = (s: string, size: number, sep: string): string => s.match(new RegExp(`.{1,${size}}`, 'g'))?.join(sep) ?? s;

const BEFORE = ['my card is', 'pay with', 'card:', 'use', 'number', 'charged to', 'ref'];
const AFTER = ['', ' 99', ' exp 12/27', ' and 4 items', ' 249861', '.', ', thanks', ' cvv 123'];

/** Positives and negatives from `seed`: 60 of each generated kind. */
export function generatedCorpus(seed = 12): CorpusCase[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const out: CorpusCase[] = [];
  const plant = (kind: string, value: string, placeholder: string, before = pick(BEFORE), after = pick(AFTER)): void => {
    out.push({ kind, text: `${before} ${value}${after}`, expected: `${before} ${placeholder}${after}` });
  };
  const cardPrefixes: readonly [string, number][] = [['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['4', 19], ['3530', 16]];
  for (let i = 0; i < 60; i++) {
    const [prefix, n] = pick(cardPrefixes);
    const card = luhnComplete(prefix + digits(rng, n - prefix.length - 1));
    const shown = pick([card, group(card, 4, ' '), group(card, 4, '-')]);
    plant('card', shown, '[CARD]');
    // The same digits with the check digit changed: not a card.
    const bad = card.slice(0, -1) + String((Number(card.slice(-1)) + 1 + rng.int(9)) % 10);
    out.push({ kind: 'not-card', text: `order ${group(bad, 4, ' ')} shipped`, expected: `order ${group(bad, 4, ' ')} shipped` });
  }
  for (let i = 0; i < 60; i++) {
    const a = `${2 + rng.int(8)}${digits(rng, 2)}`;
    const e = `${2 + rng.int(8)}${digits(rng, 2)}`;
    const l = digits(rng, 4);
    const shown = pick([`(${a}) ${e}-${l}`, `${a}.${e}.${l}`, `${a}-${e}-${l}`, `+1 ${a} ${e} ${l}`, `1-${a}-${e}-${l}`, `${a}${e}${l}`, `+1 (${a}) ${e}-${l}`]);
    plant('phone', shown, '[PHONE]', pick(['call', 'text me on', 'phone:', 'reach me at']), pick(['', ' 249861', ' ext', ' after 5', ' 12 times', '.']));
  }
  const intl: readonly ((r: Rng) => string)[] = [
    (r) => `+44 20 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `+49 30 ${digits(r, 8)}`,
    (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    (r) => `+81 3-${digits(r, 4)}-${digits(r, 4)}`,
    (r) => `+61 2 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `+91 ${digits(r, 5)} ${digits(r, 5)}`,
  ];
  for (let i = 0; i < 40; i++) plant('phone-intl', pick(intl)(rng), '[PHONE]', pick(['call', 'whatsapp', 'my number is']), pick(['', ' 249861', ' today', '.']));
  const countries: readonly [string, number][] = [['DE', 18], ['GB', 18], ['FR', 23], ['NL', 14], ['ES', 20], ['IT', 23], ['CH', 17], ['BE', 12]];
  for (let i = 0; i < 50; i++) {
    const [c, n] = pick(countries);
    // Letters in a BBAN (GB's bank code, NL's) are covered by the hand-written cases.
    const value = iban(rng, c, n);
    plant('iban', pick([value, group(value, 4, ' ')]), '[IBAN]', pick(['IBAN', 'transfer to', 'account']), pick(['', ' 12', ' ref 4455', '.', ' today']));
    const broken = value.slice(0, 2) + String((Number(value.slice(2, 4)) + 1) % 100).padStart(2, '0') + value.slice(4);
    out.push({ kind: 'not-iban', text: `code ${broken} in the ledger`, expected: `code ${broken} in the ledger` });
  }
  for (let i = 0; i < 50; i++) {
    const area = String(1 + rng.int(899)).padStart(3, '0');
    const a = area === '666' ? '665' : area;
    const sep = pick(['-', ' ']);
    const v = `${a}${sep}${String(1 + rng.int(99)).padStart(2, '0')}${sep}${String(1 + rng.int(9999)).padStart(4, '0')}`;
    plant('ssn', v, '[SSN]', pick(['SSN', 'social security number', 'my ssn is']), pick(['', ' 99', ' and dob 1980', '.']));
    const invalid = pick([`000-${digits(rng, 2)}-${digits(rng, 4)}`, `666-${digits(rng, 2)}-${digits(rng, 4)}`, `9${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 4)}`, `${a}-00-${digits(rng, 4)}`, `${a}-${String(1 + rng.int(99)).padStart(2, '0')}-0000`]);
    out.push({ kind: 'not-ssn', text: `part ${invalid} in stock`, expected: `part ${invalid} in stock` });
  }
  const names = ['jane', 'john.smith', 'a.b', 'maria_lopez', 'li-wei', 'o.neil', 'support+eval'];
  const domains = ['example.com', 'mail.example.org', 'corp.co.uk', 'uni.edu', 'startup.io'];
  for (let i = 0; i < 60; i++) {
    const name = pick(names);
    const domain = pick(domains);
    const spelled = (s: string, dot: string): string => s.split('.').join(dot);
    const forms = [
      `${name}@${domain}`,
      `${spelled(name, ' dot ')} at ${spelled(domain, ' dot ')}`,
      `${name}[at]${spelled(domain, '[.]')}`,
      `${name} (at) ${spelled(domain, ' (dot) ')}`,
      `${name} [at] ${spelled(domain, ' [dot] ')}`,
      `${spelled(name, '(dot)')}(at)${spelled(domain, '(dot)')}`,
    ];
    plant('email', pick(forms), '[EMAIL]', pick(['mail', 'write to', 'contact:', 'email me at']), pick(['', ' 42', ' today', '.', ' or call']));
  }
  for (let i = 0; i < 80; i++) {
    const neg = pick<() => string>([
      () => `order #${digits(rng, 8)} shipped`,
      () => `order ${digits(rng, 6)}-${digits(rng, 4)} confirmed`,
      () => `at 2026-0${1 + rng.int(9)}-1${rng.int(10)}T1${rng.int(10)}:${rng.int(6)}${rng.int(10)}:0${rng.int(10)}Z the job ran`,
      () => `ts 17${digits(rng, 8)} and 17${digits(rng, 11)} ms`,
      () => `version ${rng.int(20)}.${rng.int(50)}.${rng.int(200)} released`,
      () => `total $${1 + rng.int(9)},${digits(rng, 3)}.${digits(rng, 2)} due`,
      () => `price €${rng.int(100)}.${digits(rng, 2)} per unit, ${rng.int(50)} units`,
      () => `ISBN 978-${rng.int(10)}-${digits(rng, 2)}-${digits(rng, 6)}-${rng.int(10)}`,
      () => `zip ${digits(rng, 5)}-${digits(rng, 4)}`,
      () => `coordinates ${rng.int(90)}.${digits(rng, 4)}, -${rng.int(180)}.${digits(rng, 4)}`,
      () => `build ${digits(rng, 4)} of ${digits(rng, 3)} at ${rng.int(24)}:${rng.int(6)}${rng.int(10)}`,
      () => `commit ${[...digits(rng, 12)].map((d) => 'abcdef0123456789'[Number(d)]).join('')} merged`,
      () => `meet at ${1 + rng.int(11)} pm in room ${digits(rng, 3)}`,
    ])();
    out.push({ kind: 'negative', text: neg, expected: neg });
  }
  return out;
}

/** Hand-written cases: the two examples, spellings that trip simple patterns, and look-alikes. */
export const HAND_WRITTEN: readonly CorpusCase[] = [
  { kind: 'card', text: 'card 4111 1111 1111 1111 99', expected: 'card [CARD] 99' },
  { kind: 'phone', text: 'call 415.555.0132 249861', expected: 'call [PHONE] 249861' },
  { kind: 'card', text: 'cards 4111 1111 1111 1111 5555 5555 5555 4444 both', expected: 'cards [CARD] [CARD] both' },
  { kind: 'card', text: 'amex 3782 822463 10005 exp 04/28', expected: 'amex [CARD] exp 04/28' },
  { kind: 'card', text: 'qty 3 4242424242424242 ok', expected: 'qty 3 [CARD] ok' },
  { kind: 'phone', text: 'call +1 (415) 555-0132 x12', expected: 'call [PHONE] x12' },
  { kind: 'phone', text: 'ring +44 20 7946 0958 249861', expected: 'ring [PHONE] 249861' },
  { kind: 'phone', text: 'call 415-555-0132, 415-555-0199 or 212.555.0100', expected: 'call [PHONE], [PHONE] or [PHONE]' },
  { kind: 'iban', text: 'IBAN DE89 3704 0044 0532 0130 00 ref 12', expected: 'IBAN [IBAN] ref 12' },
  { kind: 'iban', text: 'pay GB82WEST12345698765432 today', expected: 'pay [IBAN] today' },
  { kind: 'iban', text: 'NL91 ABNA 0417 1643 00 please', expected: '[IBAN] please' },
  { kind: 'ssn', text: 'ssn 123-45-6789 99', expected: 'ssn [SSN] 99' },
  { kind: 'ssn', text: 'SSN: 078 05 1120', expected: 'SSN: [SSN]' },
  { kind: 'email', text: 'jane dot doe at example dot com', expected: '[EMAIL]' },
  { kind: 'email', text: 'write jane[at]example[.]com now', expected: 'write [EMAIL] now' },
  { kind: 'email', text: 'mail jane.doe+x@example.co.uk 2024', expected: 'mail [EMAIL] 2024' },
  { kind: 'negative', text: 'ISBN 0-306-40615-2 and 978-3-16-148410-0', expected: 'ISBN 0-306-40615-2 and 978-3-16-148410-0' },
  { kind: 'negative', text: 'at 2024-05-01 12:30:45 the total was $19.99', expected: 'at 2024-05-01 12:30:45 the total was $19.99' },
  { kind: 'negative', text: 'upgrade from 10.2.14 to 10.3.0', expected: 'upgrade from 10.2.14 to 10.3.0' },
  { kind: 'negative', text: 'look at the site dot', expected: 'look at the site dot' },
  { kind: 'negative', text: 'I am at home.com right now', expected: 'I am at home.com right now' },
  { kind: 'negative', text: 'tracking 1Z999AA10123456784 arrives', expected: 'tracking 1Z999AA10123456784 arrives' },
  { kind: 'negative', text: 'invoice 20240501123045 paid', expected: 'invoice 20240501123045 paid' },
  { kind: 'negative', text: 'epoch 1717171717 and 1717171717123', expected: 'epoch 1717171717 and 1717171717123' },
  { kind: 'negative', text: 'ref 4242 4242 4242 4241', expected: 'ref 4242 4242 4242 4241' },
  { kind: 'negative', text: 'uuid 123e4567-e89b-12d3-a456-426614174000', expected: 'uuid 123e4567-e89b-12d3-a456-426614174000' },
  { kind: 'negative', text: 'part 666-12-3456 and 000-12-3456', expected: 'part 666-12-3456 and 000-12-3456' },
  { kind: 'negative', text: 'route DE12 3456 is closed', expected: 'route DE12 3456 is closed' },
  { kind: 'negative', text: 'score 1 2 3 4 5 6 7 8 9 10 11 12 13', expected: 'score 1 2 3 4 5 6 7 8 9 10 11 12 13' },
];
