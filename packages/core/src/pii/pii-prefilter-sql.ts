/**
 * RE2 patterns (DuckDB `regexp_matches`) that match every text in which a built-in PII rule of
 * pii-rules.ts COULD find something: each is a necessary condition of its rule's pattern and check
 * (lookarounds dropped, `\s` widened to any non-word character, the card's grouping reduced to a
 * 13-digit run or a 4-digit group followed by a separator and 3 digits). Text matching none of them
 * is left unchanged by the redactor with no hits, so only matching rows need the JavaScript rules.
 * Only character classes spelled in ASCII are used: JS `\d`/`\w` are ASCII, RE2's `\s` is not JS's.
 */
const NON_WORD = '[^A-Za-z0-9_]';
const TLD = '(com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|ca|au|us|info|biz|me|ai|app|dev|jp|cn|in|br|ru|ch|se|no|dk|fi|pl|be|at|ie|nz)';

export const PII_PREFILTER_PATTERNS: readonly string[] = [
  // email: an @, or a spelled "at" word and a TLD after ".", "dot" or a closing bracket.
  '@',
  `(?i)(^|${NON_WORD})at(${NON_WORD}|$)`,
  // ipv6: at least two colons a hex group apart.
  ':[0-9A-Fa-f]{0,4}:',
  // ipv4: a dotted quad of digit runs.
  '[0-9]\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]',
  // iban: country letters and check digits.
  '[A-Z]{2}[0-9]{2}',
  // card: one run of 13 or more digits, or a group of 4 or more followed by a separator and 3 digits.
  '[0-9]{13}|[0-9]{4}[ -][0-9]{3}',
  // ssn
  '[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}',
  // phone: international (+ and a digit) or NANP.
  '\\+[0-9]|[2-9][0-9]{2}\\)?[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}',
];
const SPELLED_EMAIL_TAIL = `(?i)(\\.|dot|[\\])}>])${NON_WORD}*${TLD}(${NON_WORD}|$)`;

const q = (p: string): string => `'${p.replaceAll("'", "''")}'`;

/**
 * SQL true when text `expr` (VARCHAR, may be NULL) could hold PII by any built-in rule. Every
 * pattern in one alternation (the spelled email without its tail) is a superset that RE2 decides
 * in one DFA pass over the text; only texts it matches pay for the exact test, since CASE evaluates
 * its THEN on the rows selected by WHEN (measured on 1M traffic rows, 3 columns: 0.37 s against 1.24 s
 * for the exact test on every row).
 */
export function piiPrefilterSql(expr: string): string {
  const [at, spelled, ...rest] = PII_PREFILTER_PATTERNS;
  const any = [at ?? '', `(?i:${(spelled ?? '').replace('(?i)', '')})`, ...rest].map((p) => `(${p})`).join('|');
  const exact = `regexp_matches(${expr}, ${q(at ?? '')}) OR (regexp_matches(${expr}, ${q(spelled ?? '')}) AND regexp_matches(${expr}, ${q(SPELLED_EMAIL_TAIL)}))
    OR regexp_matches(${expr}, ${q(rest.map((p) => `(${p})`).join('|'))})`;
  return `coalesce(CASE WHEN regexp_matches(${expr}, ${q(any)}) THEN ${exact} ELSE false END, false)`;
}
