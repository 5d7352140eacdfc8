import { z } from 'zod';

/** Work that runs off the render loop (a child process with its own read-only store connection). */
export const ComputeRequestSchema = z.object({
  task: z.enum(['verify', 'skew', 'judge', 'drift']),
  db: z.string(),
  goldSet: z.string(),
  /** The judge to calibrate (task 'judge'). */
  judge: z.string().optional(),
});
export type ComputeRequest = z.infer<typeof ComputeRequestSchema>;
export type ComputeTask = ComputeRequest['task'];

/** Runs a compute request somewhere (a child process in the terminal UI, inline for --json and tests) and resolves with its plain-data result. */
export type ComputeRunner = (request: ComputeRequest) => Promise<unknown>;
