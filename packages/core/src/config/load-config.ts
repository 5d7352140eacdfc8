import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError, type ErrorDetail } from '../errors/touchstone-error.js';
import { TouchstoneConfigSchema, type TouchstoneConfig } from './touchstone-config.js';

export const CONFIG_FILE = 'touchstone.config.json';

export interface LoadedConfig {
  /** Absolute path of the file read, or null when none was found (defaults apply). */
  readonly path: string | null;
  readonly config: TouchstoneConfig;
}

/**
 * Reads and validates a config file. With an explicit path the file must exist; without one,
 * `touchstone.config.json` in `cwd` is used when present, else the empty config. `db` is resolved
 * against the config file's folder.
 * @throws ConfigError (CONFIG_NOT_FOUND, CONFIG_JSON with line and column, CONFIG_INVALID naming every bad key)
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const path = explicit === undefined ? resolve(cwd, CONFIG_FILE) : resolve(cwd, explicit);
  if (!existsSync(path)) {
    if (explicit === undefined) return { path: null, config: {} };
    throw new ConfigError('CONFIG_NOT_FOUND', `config file ${path} does not exist`);
  }
  const text = readFileSync(path, 'utf8');
  const config = parseConfig(text, path);
  return { path, config: config.db === undefined ? config : { ...config, db: resolve(dirname(path), config.db) } };
}

/** Parses config text; `file` names it in errors. */
export function parseConfig(text: string, file: string): TouchstoneConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const at = position === null ? undefined : lineColumn(text, Number(position[1]));
    const where = at === undefined ? '' : `:${at.line}:${at.column}`;
    throw new ConfigError('CONFIG_JSON', `${file}${where}: not valid JSON: ${message}`, {
      cause: error,
      details: [{ file, ...(at === undefined ? {} : { line: at.line }), reason: `not valid JSON: ${message}` }],
    });
  }
  const parsed = TouchstoneConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => issueDetail(file, issue));
  throw new ConfigError('CONFIG_INVALID', `${file}: ${details.map((d) => `${d.field === undefined ? '' : `"${d.field}" `}${d.reason}`).join('; ')}`, { details });
}

function issueDetail(file: string, issue: z.core.$ZodIssue): ErrorDetail {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path === '' ? k : `${path}.${k}`));
    return { file, field: keys[0] ?? path, reason: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${path === '' ? ' at the top level' : ` in "${path}"`}` };
  }
  return { file, ...(path === '' ? {} : { field: path }), reason: issue.message };
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}
