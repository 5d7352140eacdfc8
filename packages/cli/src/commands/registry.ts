import type { CommandModule } from '../command-module.js';
import { auditCommand } from './audit.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { driftCommand } from './drift.js';
import { driftCheckCommand } from './drift-check.js';
import { goldCommand } from './gold.js';
import { guardCommand } from './guard.js';
import { ingestCommand } from './ingest.js';
import { judgeCommand } from './judge.js';
import { provenanceCommand } from './provenance.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { shadowCommand } from './shadow.js';
import { skewCommand } from './skew.js';
import { verifyCommand } from './verify.js';

/** Every `touchstone` command, in the order `--help` lists them. One line per command module. */
export const COMMANDS: readonly CommandModule[] = [
  demoCommand,
  ingestCommand,
  provenanceCommand,
  verifyCommand,
  goldCommand,
  skewCommand,
  judgeCommand,
  guardCommand,
  shadowCommand,
  driftCommand,
  driftCheckCommand,
  runCommand,
  diffCommand,
  schemaCommand,
  auditCommand,
  reportCommand,
];
