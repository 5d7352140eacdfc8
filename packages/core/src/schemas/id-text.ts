import { z } from 'zod';

/** The white space of JavaScript's `\s`, spelled for both JS and RE2 (DuckDB) regular expressions. */
export const WHITE_SPACE_CLASS = String.raw`\t\n\x{000B}\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const BLANK = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$/u;

/**
 * An identifier (item, labeler, judge, request): a non-empty string that is not only white space
 * (two blank ids would be one item that prints as nothing) and holds no NUL (C tools, terminals and
 * CSV writers cut the text there, so two ids would print alike).
 */
export function idText() {
  return z
    .string()
    .min(1, 'must be a non-empty string')
    .refine((s) => !BLANK.test(s), 'must not be only white space')
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character (\\u0000)');
}
