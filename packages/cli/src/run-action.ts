import { exitCodeFor, TouchstoneError, type ExitCode } from '@touchstone/core';
import type { CliContext } from './context.js';
import { stripControl } from './sanitize/strip-control.js';

/**
 * Runs a command body and turns its outcome into an exit code: the body returns 0 (clean) or 1 (a
 * finding); a thrown TouchstoneError becomes 2 (usage/config) or 3 (data/store) with its message on
 * stderr — and, under --json, one JSON document `{ "error": … }` on stdout. Anything else is a bug:
 * exit 3 with the stack on stderr.
 */
export async function runAction(ctx: CliContext, json: boolean, body: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await body();
  } catch (error) {
    return reportFailure(ctx, error, json);
  }
}

/**
 * How runAction reports a failure; also used for errors thrown while options are parsed. `said`:
 * the message is already on stderr (commander prints an option parser's error itself).
 */
export function reportFailure(ctx: CliContext, error: unknown, json: boolean, said = false): ExitCode {
  const code = exitCodeFor(error);
  // The message is complete for people; structured details go to the --json document.
  if (error instanceof TouchstoneError) {
    if (!said) ctx.stderr(`touchstone: ${stripControl(error.message, 'block')}\n`);
  } else {
    ctx.stderr(`touchstone: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  if (json) {
    const doc = error instanceof TouchstoneError ? error.toJSON() : { code: 'INTERNAL', category: 'data', message: String(error), details: [] };
    ctx.stdout(`${JSON.stringify({ error: doc, exit_code: code })}\n`);
  }
  return code;
}

/**
 * Text for a person's terminal: every escape and control sequence a data string (an item text, a
 * labeler id) could carry is stripped first (sanitize/strip-control.ts). JSON is printed as is: it
 * is for machines, and JSON.stringify already escapes C0 controls.
 */
export function printText(ctx: CliContext, text: string): void {
  ctx.stdout(stripControl(text, 'block'));
}

export function printJson(ctx: CliContext, doc: unknown): void {
  ctx.stdout(`${JSON.stringify(doc, null, 2)}\n`);
}
