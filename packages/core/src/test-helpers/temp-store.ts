import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/store.js';

/** A real DuckDB store file in a fresh temporary directory, plus a helper to write input files beside it. */
export async function tempStore(): Promise<{ store: Store; dir: string; write: (name: string, content: string | Buffer) => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ts-store-'));
  const store = await Store.open(join(dir, 'store.duckdb'));
  return {
    store,
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

export function jsonl(records: readonly object[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
