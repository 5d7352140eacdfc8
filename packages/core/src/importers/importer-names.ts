/** The tools `touchstone ingest --format` reads exports of. */
export const IMPORTER_NAMES = ['label-studio', 'prodigy', 'argilla', 'langfuse', 'langsmith', 'otel-genai'] as const;
export type ImporterName = (typeof IMPORTER_NAMES)[number];

export function isImporterName(value: string): value is ImporterName {
  return (IMPORTER_NAMES as readonly string[]).includes(value);
}
