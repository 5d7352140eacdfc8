import { Command, CommanderError } from 'commander';
import { EXIT, TouchstoneError, UsageError, type ExitCode } from '@touchstone/core';
import type { CommandModule } from './command-module.js';
import type { CliContext } from './context.js';
import { reportFailure } from './run-action.js';

const ROOT_HELP = `
Exit codes: 0 clean, 1 a finding (tampering, drift, skew, regression), 2 usage or configuration error,
3 data or store error (bad input, locked or unreadable store).

Every reporting command takes --json and then prints exactly one JSON document on stdout.

Quick start:
  touchstone demo                         ingest the bundled demo data and audit it
  touchstone ingest labels gold.jsonl --gold support --scale ordinal:1-5 --pass-threshold 4
  touchstone provenance --gold support    who labeled what, when, under which guideline
  touchstone verify                       recompute the hash chain; exit 1 if anything was altered
`;

/** Builds the `touchstone` program from command modules (evalite's createProgram pattern). */
export function createProgram(ctx: CliContext, modules: readonly CommandModule[], setExit: (code: ExitCode) => void): Command {
  const program = new Command('touchstone')
    .description('Audit the gold eval sets and LLM judges your releases are gated on.')
    .option('--db <path>', 'store file (default .touchstone/touchstone.duckdb, or $TOUCHSTONE_DB)')
    .option('--wait', 'wait for a store locked by another touchstone process instead of exiting 3')
    .addHelpText('after', ROOT_HELP)
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .exitOverride();
  for (const m of modules) m.register(program, { ctx, setExit });
  showNumericDefaultsAsNumbers(program);
  return program;
}

/**
 * Number options keep their values as text until zod checks them (so a bad value is a usage error),
 * and commander's help would quote such a default: `(default: "0.05")`. Shows it as the number it is.
 */
function showNumericDefaultsAsNumbers(command: Command): void {
  for (const option of command.options) {
    const v: unknown = option.defaultValue;
    if (typeof v === 'string' && option.defaultValueDescription === undefined && v.trim() !== '' && Number.isFinite(Number(v))) option.defaultValueDescription = v;
  }
  for (const sub of command.commands) showNumericDefaultsAsNumbers(sub);
}

/**
 * Parses argv and runs the chosen command; returns the exit code. Commander usage errors → 2; a
 * TouchstoneError thrown while options are parsed (before the command's own handler) → its exit
 * code, reported as runAction reports it (stderr, and the JSON document under --json), never a stack trace.
 */
export async function runProgram(program: Command, argv: readonly string[], exit: () => ExitCode, ctx: CliContext): Promise<ExitCode> {
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      if (error.exitCode === 0) return EXIT.ok;
      const cause: unknown = (error as { cause?: unknown }).cause;
      // An option's own parser threw (numberArg): commander has printed the message already.
      if (cause instanceof TouchstoneError) return reportFailure(ctx, cause, json, true);
      // Commander has printed its message; under --json the one JSON document still follows on stdout.
      return json ? reportFailure(ctx, commanderUsageError(error), json, true) : EXIT.usage;
    }
    if (error instanceof TouchstoneError) return reportFailure(ctx, error, json);
    throw error;
  }
}

/** A commander usage error as Touchstone's: `commander.unknownOption` → code UNKNOWN_OPTION. */
function commanderUsageError(error: CommanderError): UsageError {
  const code = error.code.replace(/^commander\./, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return new UsageError(code, error.message.replace(/^error: /, ''));
}
