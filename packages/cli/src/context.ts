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
  endQuietlyOnClosedPipe(process.stdout);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    stderrTTY: process.stderr.isTTY === true,
  };
}

/**
 * `touchstone provenance --json | head -1`: once the reader has gone, the rest of the output has
 * nowhere to go. End with the exit code so far instead of a stack trace (a shell's SIGPIPE, quietly).
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
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
