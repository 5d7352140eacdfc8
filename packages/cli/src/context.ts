import { userInfo } from 'node:os';
import { resolve } from 'node:path';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal (interactive UI and progress allowed). */
  readonly isTTY: boolean;
  /** stderr is a terminal (progress bars allowed). */
  readonly stderrTTY: boolean;
}

export function processContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    stderrTTY: process.stderr.isTTY === true,
  };
}

export const DEFAULT_DB = '.touchstone/touchstone.duckdb';

/** --db, else $TOUCHSTONE_DB, else .touchstone/touchstone.duckdb under the working directory. */
export function resolveDbPath(ctx: CliContext, flag: string | undefined): string {
  return resolve(ctx.cwd, flag ?? ctx.env['TOUCHSTONE_DB'] ?? DEFAULT_DB);
}

export function defaultActor(ctx: CliContext): string {
  try {
    return ctx.env['TOUCHSTONE_ACTOR'] ?? userInfo().username;
  } catch {
    return ctx.env['USER'] ?? 'unknown';
  }
}
