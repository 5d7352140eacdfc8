import { Store, TouchstoneError } from '@touchstone/core';
import { ComputeRequestSchema } from './compute-request.js';
import { runComputeTask } from './compute-tasks.js';

// Child-process entry (an entry point, like bin.ts): opens its own read-only store (DuckDB lets
// several processes read one file), runs one task, sends the result or the error to the parent,
// and ends. A process rather than a worker thread: the parent can stop it at once on quit
// (SIGKILL), which a thread inside a native DuckDB call cannot be.
const request = ComputeRequestSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const send = (message: object): Promise<void> => new Promise((resolve) => (process.send === undefined ? resolve() : process.send(message, () => resolve())));
try {
  const store = await Store.open(request.db, { readOnly: true });
  try {
    await send({ ok: true, result: await runComputeTask(store, request) });
  } finally {
    store.close();
  }
} catch (error) {
  const known = error instanceof TouchstoneError;
  await send({ ok: false, code: known ? error.code : 'INTERNAL', category: known ? error.category : null, message: error instanceof Error ? error.message : String(error) });
}
process.disconnect?.();
