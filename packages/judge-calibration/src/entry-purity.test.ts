import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ALLOWED = new Set(['@touchstone/core/stats', '@touchstone/core/schemas', 'zod', 'simple-statistics']);

/** Every module reachable from an entry through relative imports, with its bare (package) imports. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1] as string);
    seen.set(file, specs.filter((s) => !s.startsWith('.')));
    for (const s of specs.filter((x) => x.startsWith('.'))) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('package entries', () => {
  it('the main entry is pure: only core/stats, core/schemas, zod and simple-statistics', () => {
    const g = graph(join(SRC, 'index.ts'));
    expect(g.size).toBeGreaterThan(20);
    for (const [file, bare] of g) {
      for (const spec of bare) expect(ALLOWED.has(spec), `${file} imports ${spec}`).toBe(true);
      expect(file.includes('/store/'), `${file} is store code`).toBe(false);
    }
  });

  it('the store entry is where @touchstone/core (DuckDB) comes in', () => {
    const bare = [...graph(join(SRC, 'store.ts')).values()].flat();
    expect(bare).toContain('@touchstone/core');
  });
});
