import { EXIT, type ExitCode } from '@touchstone/core';
import { loadCommands } from './command-loader.js';
import { COMMANDS } from './commands/registry.js';
import { processContext } from './context.js';
import { createProgram, runProgram } from './program.js';

/** Entry of the `touchstone` binary: returns the exit code; only bin/touchstone.js touches the process. */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const ctx = processContext();
  const program = createProgram(ctx, await loadCommands(COMMANDS, argv), (c) => {
    code = c;
  });
  return runProgram(program, argv, () => code, ctx);
}
