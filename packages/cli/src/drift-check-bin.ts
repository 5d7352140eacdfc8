import { Command } from 'commander';
import { EXIT, type ExitCode } from '@touchstone/core';
import { configureDriftCheck } from './commands/drift-check.js';
import { processContext } from './context.js';
import { runProgram } from './program.js';

/**
 * Entry of the `drift-check` binary (cron). It loads only the drift-check command and its
 * renderers — never the command registry, React or Ink — so it starts fast (test/drift-check-lean.test.ts).
 */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  const ctx = processContext();
  let code: ExitCode = EXIT.ok;
  const program = new Command('drift-check')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .exitOverride();
  configureDriftCheck(program, { ctx, setExit: (c) => { code = c; } }, true);
  return runProgram(program, argv, () => code, ctx);
}
