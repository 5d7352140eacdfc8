// @touchstone/cli as a library: run the CLI in-process (tests, embedding).
export { main } from './bin.js';
export { createProgram, runProgram } from './program.js';
export type { CliContext } from './context.js';
export type { CommandModule, CommandEnv } from './command-module.js';
