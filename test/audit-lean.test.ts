import { describe, expect, it } from 'vitest';
import { modulesIn, readBundleManifest, staticClosure } from './helpers/bundle-manifest.js';

const HEAVY = /^node_modules\/(react|react-dom|react-reconciler|ink|yoga-layout)\//;

describe('the audit and report stay off every other path', () => {
  it('loads React, Ink and Vega only through dynamic imports (inside touchstone audit on a terminal, and touchstone report)', () => {
    // The binary is the bundle (packages/cli/scripts/bundle.mjs); its manifest gives each chunk's modules and imports.
    const chunks = readBundleManifest();
    const entry = Object.entries(chunks).find(([, c]) => c.entry === 'touchstone')?.[0] ?? '';
    expect(entry).toBe('touchstone.js');
    // Commands load lazily (commands/registry.ts): each is a dynamic import of the entry; take every one with what it imports statically.
    const commands = chunks[entry]?.dynamic_imports ?? [];
    expect(commands.length).toBeGreaterThanOrEqual(15);
    const reachable = staticClosure(chunks, [entry, ...commands]);
    const modules = modulesIn(chunks, reachable);
    expect(modules).toContain('packages/cli/dist/commands/audit.js');
    expect(modules).toContain('packages/cli/dist/commands/report.js');
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
    expect([...reachable].filter((m) => m === 'vega' || m === 'vega-lite')).toEqual([]);

    // And they are there, one dynamic import further: audit → the Ink UI, report → the Vega charts.
    const further = (module: string): string[] => {
      const chunk = Object.keys(chunks).find((name) => chunks[name]?.modules.includes(module)) ?? '';
      return modulesIn(chunks, staticClosure(chunks, chunks[chunk]?.dynamic_imports ?? []));
    };
    expect(further('packages/cli/dist/commands/audit.js').some((m) => m.startsWith('node_modules/ink/'))).toBe(true);
    expect(further('packages/cli/dist/commands/report.js')).toContain('vega-lite');
  });
});
