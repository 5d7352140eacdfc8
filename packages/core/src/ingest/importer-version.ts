/** Recorded on every batch; bump when the meaning of an import changes. */
export const IMPORTER_VERSION = 'touchstone-ingest/1';
