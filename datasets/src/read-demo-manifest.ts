import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoManifestSchema, MANIFEST_FILE, type DemoManifest } from './demo-manifest.js';

/**
 * The manifest of a generated demo directory, or undefined when there is none, it does not parse,
 * or one of its files is missing (a partial or foreign directory: regenerate).
 */
export function readDemoManifest(dir: string): DemoManifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = DemoManifestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  return [m.files.labels, m.files.judge, m.files.traffic].every((f) => existsSync(join(dir, f.file))) ? m : undefined;
}
