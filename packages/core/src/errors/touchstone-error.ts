/**
 * The one base error of Touchstone. Every error core throws is a subclass with a stable `code`
 * and a `category`; only the CLI maps a category to an exit code (see `exitCodeFor`).
 */
export type ErrorCategory = 'usage' | 'config' | 'data' | 'store';

export interface ErrorDetail {
  /** File the problem is in, when there is one. */
  readonly file?: string;
  /** 1-based line number in that file. */
  readonly line?: number;
  /** 1-based record number instead, where records are not lines (a JSON array's elements, Parquet rows). */
  readonly record?: number;
  /** Field (column) name. */
  readonly field?: string;
  readonly reason: string;
}

export class TouchstoneError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details: readonly ErrorDetail[];

  constructor(
    code: string,
    category: ErrorCategory,
    message: string,
    options: { cause?: unknown; details?: readonly ErrorDetail[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.category = category;
    this.details = options.details ?? [];
  }

  toJSON(): { code: string; category: ErrorCategory; message: string; details: readonly ErrorDetail[] } {
    return { code: this.code, category: this.category, message: this.message, details: this.details };
  }
}

/** Bad command-line usage: unknown option, missing argument, contradictory flags. */
export class UsageError extends TouchstoneError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, 'usage', message, options);
  }
}

/** Invalid configuration: config file, thresholds, band edges, scale definitions. */
export class ConfigError extends TouchstoneError {
  constructor(code: string, message: string, options: { cause?: unknown; details?: readonly ErrorDetail[] } = {}) {
    super(code, 'config', message, options);
  }
}

/** Bad input data: malformed records, off-scale labels, unreadable files. */
export class DataError extends TouchstoneError {
  constructor(code: string, message: string, options: { cause?: unknown; details?: readonly ErrorDetail[] } = {}) {
    super(code, 'data', message, options);
  }
}

/** The store cannot be used: locked by another process, unreadable, wrong schema version, unknown name. */
export class StoreError extends TouchstoneError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, 'store', message, options);
  }
}

/** Formats a detail as `file:line field: reason`, the shape every error message lists. */
export function formatDetail(d: ErrorDetail): string {
  const where = d.record !== undefined ? `${d.file === undefined ? '' : `${d.file}: `}record ${d.record}`
    : [d.file, d.line === undefined ? undefined : String(d.line)].filter((x) => x !== undefined).join(':');
  const field = d.field === undefined ? '' : `field "${d.field}": `;
  return `${where === '' ? '' : `${where}: `}${field}${d.reason}`;
}
