/** A SQL statement with positional parameters ($1, $2, …), built apart from where it runs. */
export interface Sql {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}
export type SqlParam = string | number | boolean | bigint | null;

export function sql(text: string, params: readonly SqlParam[] = []): Sql {
  return { sql: text, params };
}

/** Quotes an identifier for DuckDB ("a""b"). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB ('it''s'); for the few places a parameter cannot go (table functions). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
