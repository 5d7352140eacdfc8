import { UsageError } from '../errors/touchstone-error.js';
import type { Importer } from './import-item.js';
import { IMPORTERS } from './registry.js';

/**
 * The tool whose export these sample records are: the importer that recognizes the most of them.
 * Undefined when none does (a file in Touchstone's own format); a UsageError when two tools
 * recognize equally many, so `--format` must say.
 */
export function detectImporter(sample: readonly Record<string, unknown>[], file: string): Importer | undefined {
  const hits = Object.values(IMPORTERS)
    .map((importer) => ({ importer, n: sample.filter((r) => importer.looksLike(r)).length }))
    .filter((h) => h.n > 0)
    .sort((a, b) => b.n - a.n);
  const [first, second] = hits;
  if (first === undefined) return undefined;
  if (second !== undefined && second.n === first.n) {
    throw new UsageError('IMPORT_FORMAT_AMBIGUOUS', `${file}: looks like both a ${first.importer.title} and a ${second.importer.title}; say which with --format ${first.importer.name} or --format ${second.importer.name}`);
  }
  return first.importer;
}
