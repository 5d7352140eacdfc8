import { z } from 'zod';
import { IngestSummarySchema } from '../ingest/ingest-summary.js';
import type { PreparedImport } from './prepare-import.js';

/** What an ingest from a tool's export adds to the summary: the tool, what was chosen, why records were skipped. */
export const ImportNotesSchema = z.object({
  tool: z.string(),
  question: z.string().nullable(),
  /** The judge as the export names it (judge scores), when it differs or is renamed by --judge. */
  source_judge: z.string().nullable(),
  /** Skipped records by reason; their sum is the summary's `skipped`. */
  skipped_reasons: z.record(z.string(), z.number()),
  /** The settings file the question's scale was read from (an Argilla rating question's range), when it was. */
  scale_from: z.string().nullable(),
});
export type ImportNotes = z.infer<typeof ImportNotesSchema>;

/** `touchstone ingest … --json` output for a tool export. */
export const ImportSummarySchema = IngestSummarySchema.extend({ import: ImportNotesSchema });
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export function importNotes(prepared: PreparedImport): ImportNotes {
  return {
    tool: prepared.importer.name,
    question: prepared.selection.question ?? null,
    source_judge: prepared.selection.sourceJudge ?? null,
    skipped_reasons: prepared.selection.skippedReasons,
    scale_from: prepared.scale?.from ?? null,
  };
}
