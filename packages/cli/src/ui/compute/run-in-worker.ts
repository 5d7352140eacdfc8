import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { StoreError, TouchstoneError, type ErrorCategory } from '@touchstone/core';
import type { ComputeRequest, ComputeRunner } from './compute-request.js';

export interface WorkerPool {
  readonly run: ComputeRunner;
  /** Terminates every worker still running (on quit). */
  terminate(): Promise<void>;
}

/**
 * Runs each compute request in a fresh worker thread, so statistics never block keys or rendering.
 * At most `parallel` run at once (default: one core less than the machine has, at least one), in
 * the order they were asked for, so the render loop keeps a core to itself.
 */
export function workerPool(parallel = Math.max(1, availableParallelism() - 1)): WorkerPool {
  const live = new Set<Worker>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < parallel) {
      running += 1;
      return;
    }
    await new Promise<void>((r) => waiting.push(r));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  return {
    async run(request: ComputeRequest) {
      await slot();
      return new Promise<unknown>((resolve, reject) => {
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
          release();
          if (!settled) reject(new StoreError('COMPUTE_STOPPED', `${request.task} stopped (worker exit ${code})`));
        });
      });
    },
    async terminate() {
      waiting.length = 0;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
