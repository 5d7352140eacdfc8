import { z } from 'zod';
import { ConfigError } from '../errors/touchstone-error.js';
import { BUILTIN_PII_RULES, builtinPiiRule, type PiiRule } from './pii-rules.js';

/** The `pii` section of touchstone.config.json. */
export const PiiConfigSchema = z
  .object({
    /** Redact at all (default true). Turning it off is recorded in each shadow set's provenance. */
    enabled: z.boolean().optional(),
    /** Built-in rules to apply (default: all of email, ipv6, ipv4, iban, card, ssn, phone). */
    rules: z.array(z.enum(BUILTIN_PII_RULES)).optional(),
    /** Extra rules: a JavaScript regular expression (applied globally) and its placeholder. */
    custom: z.array(z.object({ name: z.string().min(1), pattern: z.string().min(1), flags: z.string().optional(), replacement: z.string() }).strict()).optional(),
  })
  .strict();
export type PiiConfig = z.infer<typeof PiiConfigSchema>;

export interface Redactor {
  /** Rule names in the order applied (empty when redaction is off). */
  readonly rules: readonly string[];
  /** True when only built-in rules apply: text failing pii-prefilter-sql.ts is then left as is, so a SQL prefilter may pick the rows to redact. */
  readonly builtinOnly: boolean;
  redact(text: string): { text: string; hits: Record<string, number> };
}

/**
 * Builds the redactor a config asks for: built-in rules first, in their fixed order, then custom
 * ones in the order given. Each match becomes its rule's placeholder; hits are counted per rule.
 * @throws ConfigError naming the rule when a custom pattern does not compile
 */
export function createRedactor(config: PiiConfig = {}): Redactor {
  if (config.enabled === false) return { rules: [], builtinOnly: true, redact: (text) => ({ text, hits: {} }) };
  const chosen = new Set(config.rules ?? BUILTIN_PII_RULES);
  const rules: PiiRule[] = BUILTIN_PII_RULES.filter((r) => chosen.has(r)).map(builtinPiiRule);
  for (const [i, c] of (config.custom ?? []).entries()) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(c.pattern, `${(c.flags ?? '').replace('g', '')}g`);
    } catch (error) {
      throw new ConfigError('CONFIG_PII_PATTERN', `pii.custom[${i}] ("${c.name}"): the pattern does not compile: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    rules.push({ name: c.name, pattern, replacement: c.replacement });
  }
  return {
    rules: rules.map((r) => r.name),
    builtinOnly: (config.custom ?? []).length === 0,
    redact(text) {
      const hits: Record<string, number> = {};
      let out = text;
      for (const rule of rules) {
        const take = (match: string): string => {
          const span = rule.pick === undefined ? ([0, match.length] as const) : rule.pick(match);
          if (span === null) return match;
          hits[rule.name] = (hits[rule.name] ?? 0) + 1;
          // A candidate run can hold two values (two cards in a row): look again either side of the one taken.
          return rule.pick === undefined ? rule.replacement : take(match.slice(0, span[0])) + rule.replacement + take(match.slice(span[1]));
        };
        out = out.replace(rule.pattern, take);
      }
      return { text: out, hits };
    },
  };
}
