import type { Command } from 'commander';
import type { ExitCode } from '@touchstone/core';
import type { CliContext } from './context.js';

/** One command (or command group): registers its options and help on the program; its action sets the exit code. */
export interface CommandModule {
  register(program: Command, env: CommandEnv): void;
}

export interface CommandEnv {
  readonly ctx: CliContext;
  /** Records the action's exit code (the last action run wins). */
  readonly setExit: (code: ExitCode) => void;
}
