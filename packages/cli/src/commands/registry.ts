import type { CommandModule } from '../command-module.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { goldCommand } from './gold.js';
import { ingestCommand } from './ingest.js';
import { judgeCommand } from './judge.js';
import { provenanceCommand } from './provenance.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { verifyCommand } from './verify.js';

/** Every `touchstone` command, in the order `--help` lists them. One line per command module. */
export const COMMANDS: readonly CommandModule[] = [
  demoCommand,
  ingestCommand,
  provenanceCommand,
  verifyCommand,
  goldCommand,
  judgeCommand,
  runCommand,
  diffCommand,
  schemaCommand,
];
