import type { CommandModule } from '../command-module.js';

/**
 * Every `touchstone` command, in the order `--help` lists them: its name and a loader. Only the
 * invoked command's module (and what it imports) is loaded, so a command starts without paying for
 * the others — DuckDB, judge calibration, Ink. `touchstone --help` loads them all to list them.
 */
export const COMMANDS: readonly (readonly [name: string, load: () => Promise<CommandModule>])[] = [
  ['demo', async () => (await import('./demo.js')).demoCommand],
  ['ingest', async () => (await import('./ingest.js')).ingestCommand],
  ['provenance', async () => (await import('./provenance.js')).provenanceCommand],
  ['verify', async () => (await import('./verify.js')).verifyCommand],
  ['gold', async () => (await import('./gold.js')).goldCommand],
  ['skew', async () => (await import('./skew.js')).skewCommand],
  ['judge', async () => (await import('./judge.js')).judgeCommand],
  ['guard', async () => (await import('./guard.js')).guardCommand],
  ['shadow', async () => (await import('./shadow.js')).shadowCommand],
  ['drift', async () => (await import('./drift.js')).driftCommand],
  ['drift-check', async () => (await import('./drift-check.js')).driftCheckCommand],
  ['run', async () => (await import('./run.js')).runCommand],
  ['diff', async () => (await import('./diff.js')).diffCommand],
  ['erase', async () => (await import('./erase.js')).eraseCommand],
  ['schema', async () => (await import('./schema.js')).schemaCommand],
  ['audit', async () => (await import('./audit.js')).auditCommand],
  ['report', async () => (await import('./report.js')).reportCommand],
];
