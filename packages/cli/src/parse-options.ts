import { UsageError } from '@touchstone/core';
import { z } from 'zod';

/** Parses commander's option object with a command's zod schema; a bad option becomes a readable UsageError. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, command: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = issue === undefined ? '' : `--${issue.path.map(String).join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const reason = issue?.code === 'too_small' && issue.origin === 'string' ? 'must not be empty' : (issue?.message ?? 'invalid option');
  throw new UsageError('BAD_OPTION', `touchstone ${command}: ${flag} ${reason} (see touchstone ${command} --help)`);
}

/** Parses a number flag ("0.05") for commander, rejecting text that is not a finite number. */
export function numberArg(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError('BAD_OPTION', `${name} expects a number, got "${value}"`);
    return n;
  };
}

/** A number flag inside a command's zod schema ("0.05" → 0.05); text that is not a finite number fails with "expects a number". */
export const numberText = z.string().refine((v) => v.trim() !== '' && Number.isFinite(Number(v)), 'expects a number').transform(Number);

/** A whole-number flag inside a command's zod schema. */
export const intText = numberText.pipe(z.number().int('expects a whole number'));
