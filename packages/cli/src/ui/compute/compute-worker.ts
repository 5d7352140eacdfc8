import { parentPort, workerData } from 'node:worker_threads';
import { Store, TouchstoneError } from '@touchstone/core';
import { ComputeRequestSchema } from './compute-request.js';
import { runComputeTask } from './compute-tasks.js';

// Worker entry: opens its own read-only store (DuckDB allows several read-only instances of one
// file), runs one task, posts the result or the error, and ends.
const request = ComputeRequestSchema.parse(workerData);
const store = await Store.open(request.db, { readOnly: true });
try {
  parentPort?.postMessage({ ok: true, result: await runComputeTask(store, request) });
} catch (error) {
  const known = error instanceof TouchstoneError;
  parentPort?.postMessage({ ok: false, code: known ? error.code : 'INTERNAL', category: known ? error.category : null, message: error instanceof Error ? error.message : String(error) });
} finally {
  store.close();
}
