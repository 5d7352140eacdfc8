import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Who holds a store for writing, in `<store>.lock-info` beside it: DuckDB's file lock says only
 * that some process holds the file, so the writer records its command, pid and start time for the
 * message another process gets (STORE_LOCKED). A file left by a killed writer names a dead pid
 * and is ignored.
 */
export const StoreHolderSchema = z.object({ command: z.string(), pid: z.number(), since: z.string() });
export type StoreHolder = z.infer<typeof StoreHolderSchema>;

export function holderPath(store: string): string {
  return `${store}.lock-info`;
}

export function writeHolder(store: string, command: string): void {
  const holder: StoreHolder = { command, pid: process.pid, since: new Date().toISOString() };
  try {
    writeFileSync(holderPath(store), `${JSON.stringify(holder)}\n`);
  } catch {
    // Best effort: without it the lock message is only less specific.
  }
}

export function removeHolder(store: string): void {
  const current = readHolder(store);
  if (current?.pid === process.pid) rmSync(holderPath(store), { force: true });
}

/** The live holder of `store`, if it left its lock-info (a dead pid's file is stale). */
export function readHolder(store: string): StoreHolder | undefined {
  try {
    const parsed = StoreHolderSchema.safeParse(JSON.parse(readFileSync(holderPath(store), 'utf8')));
    if (!parsed.success) return undefined;
    process.kill(parsed.data.pid, 0);
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** "touchstone ingest traffic (pid 4242) since 2026-12-04 17:05:03 UTC, 2m10s ago" */
export function describeHolder(h: StoreHolder, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(h.since)) / 1000));
  const ago = seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${h.command} (pid ${h.pid}) since ${h.since.slice(0, 19).replace('T', ' ')} UTC, ${ago} ago`;
}
