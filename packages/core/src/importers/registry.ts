import { argillaImporter } from './argilla.js';
import type { Importer } from './import-item.js';
import type { ImporterName } from './importer-names.js';
import { labelStudioImporter } from './label-studio.js';
import { langfuseImporter } from './langfuse.js';
import { langsmithImporter } from './langsmith.js';
import { otelGenAiImporter } from './otel-genai.js';
import { prodigyImporter } from './prodigy.js';

/** Every tool importer, by name. */
export const IMPORTERS: Readonly<Record<ImporterName, Importer>> = {
  'label-studio': labelStudioImporter,
  prodigy: prodigyImporter,
  argilla: argillaImporter,
  langfuse: langfuseImporter,
  langsmith: langsmithImporter,
  'otel-genai': otelGenAiImporter,
};
