import { EXIT, type ExitCode } from '@touchstone/core';
import { processContext } from './context.js';

/**
 * Entry of the `drift-check` binary (cron). It must never import React or Ink: it loads only the
 * drift-check command module. Until the shadow-set issue lands, it reports that and exits 2.
 */
export async function main(_argv: readonly string[]): Promise<ExitCode> {
  processContext().stderr('drift-check: not available yet (shadow sets and drift are a later issue)\n');
  return EXIT.usage;
}
