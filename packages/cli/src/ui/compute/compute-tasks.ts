import { verify, type Store } from '@touchstone/core';
import type { ComputeRequest } from './compute-request.js';

/** The heavy library calls the audit makes, by task name; each returns plain data (structured-clonable). */
export async function runComputeTask(store: Store, request: ComputeRequest): Promise<unknown> {
  switch (request.task) {
    case 'verify':
      return verify(store, request.goldSet);
  }
}
