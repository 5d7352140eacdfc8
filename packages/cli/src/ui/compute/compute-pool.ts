import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { StoreError, TouchstoneError, type ErrorCategory } from '@touchstone/core';
import type { ComputeRequest, ComputeRunner } from './compute-request.js';

export interface ComputePool {
  readonly run: ComputeRunner;
  /** Stops every computation still running or waiting (on quit); returns at once. */
  stop(): void;
}

interface Reply {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly code?: string;
  readonly category?: ErrorCategory | null;
  readonly message?: string;
}

/**
 * Runs each compute request in a child process (compute-child.js), so statistics never block keys
 * or rendering, and quitting never waits for them. At most `parallel` run at once (default: one
 * core less than the machine has, at least one), in the order they were asked for, so the render
 * loop keeps a core to itself.
 */
export function computePool(parallel = Math.max(1, availableParallelism() - 1)): ComputePool {
  const entry = fileURLToPath(new URL('./compute-child.js', import.meta.url));
  const live = new Set<ChildProcess>();
  let running = 0;
  let stopped = false;
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
      if (stopped) throw new StoreError('COMPUTE_STOPPED', `${request.task} stopped`);
      return new Promise<unknown>((resolve, reject) => {
        let stderr = '';
        let reply: Reply | undefined;
        const child = fork(entry, [JSON.stringify(request)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
        live.add(child);
        child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('message', (m: Reply) => (reply = m));
        child.on('exit', (code, signal) => {
          live.delete(child);
          release();
          if (reply?.ok === true) resolve(reply.result);
          // A library error keeps its code and category across the process boundary; anything else is a plain Error.
          else if (reply !== undefined && reply.category !== undefined && reply.category !== null) reject(new TouchstoneError(reply.code ?? 'COMPUTE_FAILED', reply.category, reply.message ?? `${request.task} failed`));
          else if (reply !== undefined) reject(new Error(reply.message ?? `${request.task} failed`));
          else reject(new StoreError('COMPUTE_STOPPED', `${request.task} stopped (${signal ?? `exit ${code ?? '?'}`})${stderr === '' ? '' : `: ${stderr.trim().split('\n').slice(-3).join(' ')}`}`));
        });
      });
    },
    stop() {
      stopped = true;
      for (const w of waiting.splice(0)) w();
      for (const child of live) child.kill('SIGKILL');
    },
  };
}
