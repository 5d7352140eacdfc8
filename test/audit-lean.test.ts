import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

/** Every module the built CLI imports statically (dynamic `import()` calls are left out), from `entry`. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  walk(entry);
  return { files, packages };
}

describe('the audit and report stay off every other path', () => {
  it('imports React, Ink and Vega only dynamically (inside touchstone audit on a terminal, and touchstone report)', () => {
    const bin = join(REPO, 'packages/cli/dist/bin.js');
    expect(existsSync(bin)).toBe(true);
    // Commands load lazily (commands/registry.ts): walk the binary and every command module.
    const commandDir = join(REPO, 'packages/cli/dist/commands');
    const entries = [bin, ...readdirSync(commandDir).filter((f) => f.endsWith('.js')).map((f) => join(commandDir, f))];
    const files = new Set<string>();
    const packages = new Set<string>();
    for (const entry of entries) {
      const g = staticGraph(entry);
      g.files.forEach((f) => files.add(f));
      g.packages.forEach((p) => packages.add(p));
    }
    expect(files.has(join(REPO, 'packages/cli/dist/commands/audit.js'))).toBe(true);
    expect([...packages].filter((p) => ['react', 'ink', 'vega', 'vega-lite'].includes(p) || p.startsWith('react/'))).toEqual([]);
    expect(readFileSync(join(commandDir, 'registry.js'), 'utf8')).toMatch(/import\('\.\/audit\.js'\)/);
    const audit = readFileSync(join(commandDir, 'audit.js'), 'utf8');
    expect(audit).toMatch(/import\('\.\.\/ui\/run-audit-ui\.js'\)/);
    expect(readFileSync(join(commandDir, 'report.js'), 'utf8')).toMatch(/import\('\.\.\/report\/write-report\.js'\)/);
  });
});
