import { Worker } from 'node:worker_threads';
import { StoreError, TouchstoneError, type ErrorCategory } from '@touchstone/core';
import type { ComputeRequest, ComputeRunner } from './compute-request.js';

export interface WorkerPool {
  readonly run: ComputeRunner;
  /** Terminates every worker still running (on quit). */
  terminate(): Promise<void>;
}

/** Runs each compute request in a fresh worker thread, so statistics never block keys or rendering. */
export function workerPool(): WorkerPool {
  const live = new Set<Worker>();
  return {
    run(request: ComputeRequest) {
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./compute-worker.js', import.meta.url), { workerData: request });
        live.add(worker);
        let settled = false;
        worker.on('message', (m: { ok: boolean; result?: unknown; code?: string; category?: ErrorCategory | null; message?: string }) => {
          settled = true;
          if (m.ok) resolve(m.result);
          // A library error keeps its code and category across the thread boundary; anything else is a plain Error.
          else if (m.category !== undefined && m.category !== null) reject(new TouchstoneError(m.code ?? 'COMPUTE_FAILED', m.category, m.message ?? `${request.task} failed`));
          else reject(new Error(m.message ?? `${request.task} failed`));
        });
        worker.on('error', (e) => {
          settled = true;
          reject(e);
        });
        worker.on('exit', (code) => {
          live.delete(worker);
          if (!settled) reject(new StoreError('COMPUTE_STOPPED', `${request.task} stopped (worker exit ${code})`));
        });
      });
    },
    async terminate() {
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
