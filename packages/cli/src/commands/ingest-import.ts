import { INPUT_FORMATS, IMPORTER_NAMES, importNotes, isImporterName, prepareImport, UsageError, type ImportKind, type SourceRecord, type schemas } from '@touchstone/core';
import { renderImportNotes } from '../render/import-notes.js';

/** `--format` values: Touchstone's own file formats and the tools whose exports ingest reads. */
export const INGEST_FORMATS = [...INPUT_FORMATS, ...IMPORTER_NAMES] as const;

export const IMPORT_HELP = `
Tool exports (--format NAME, detected from the file when unambiguous):
  label-studio  JSON export: annotations → labels (labeler completed_by, time created_at; cancelled
                skipped); predictions → judge scores (judge model_version). JSON-MIN and CSV exports:
                name the control with --question (labeler = annotator, often an email: --labeler-map)
  prodigy       db-out JSONL: labeler _annotator_id (else _session_id), time _timestamp; ignore answers
                skipped; span tasks refused; older exports: --labeler, --labeled-at
  argilla       v2 records (flattened, to_json, to_disk with settings.json giving rating ranges) and v1
                FeedbackDataset records: responses → labels (v2 needs --labeled-at); suggestions → judge
  langfuse      traces/generations → traffic (also the UI's trace download); ANNOTATION scores → labels;
                EVAL scores → judge scores; CORRECTION and API scores skipped
  langsmith     root runs → traffic (child runs skipped); feedback by people (app, api) → labels; by
                evaluators → judge scores
  otel-genai    OTLP/JSON GenAI spans → traffic; gen_ai.evaluation.result events → judge scores
  --question picks the question (control, score name, feedback key) when the export has several;
  ingest judge --judge picks one of several judges, or names the export's judge. Each record keeps
  its identity in the tool (source_ref); any tool field is available to --map as src.PATH
  (--map item_id=src.data.item_id). Skipped work (cancelled, ignored, other questions) is counted
  and stored on the batch: read = accepted + rejected + skipped.

  touchstone ingest labels export.json --format label-studio --gold support --question helpfulness
  touchstone ingest labels export.csv --gold support --question helpfulness --labeler-map people.csv
  touchstone ingest judge export.json --format label-studio --gold support
  touchstone ingest labels records.json --format argilla --gold qa --question correctness --labeled-at 2024-06-30
  touchstone ingest traffic otel-spans.jsonl`;

interface ToolImportRequest {
  readonly kind: ImportKind;
  readonly file: string;
  readonly format: string | undefined;
  readonly question: string | undefined;
  readonly judge?: string | undefined;
  readonly labeledAt?: string | undefined;
  /** Canonical fields supplied by flags or --map, so an export lacking them is not refused. */
  readonly supplied?: readonly string[];
}

/** What a tool import adds to the ingest options, and the notes for the summary; `options` is empty for Touchstone's own formats. */
export interface ToolImport {
  readonly options: { records?: AsyncIterable<SourceRecord>; skipped?: number; skippedReasons?: Record<string, number>; sourceFormat?: string };
  readonly judge: string | undefined;
  readonly notes: schemas.ImportNotes | undefined;
  /** The question's scale from the export's own settings (Argilla rating questions), used when --scale is not given. */
  readonly scale?: schemas.Scale;
}

/** Runs the tool importer when `--format` names a tool or the file is recognized as one. */
export async function toolImport(r: ToolImportRequest): Promise<ToolImport> {
  const tool = r.format !== undefined && isImporterName(r.format) ? r.format : undefined;
  if (r.format !== undefined && tool === undefined) {
    if (r.question !== undefined) throw new UsageError('BAD_OPTION', '--question goes with a tool export (--format label-studio, prodigy, argilla, langfuse, langsmith, otel-genai)');
    return { options: {}, judge: r.judge, notes: undefined };
  }
  const prepared = await prepareImport({
    file: r.file,
    kind: r.kind,
    ...(tool === undefined ? {} : { format: tool }),
    ...(r.question === undefined ? {} : { question: r.question }),
    ...(r.judge === undefined ? {} : { judge: r.judge }),
    labeledAtSupplied: r.labeledAt !== undefined,
    supplied: r.supplied ?? [],
  });
  if (prepared === undefined) {
    if (r.question !== undefined) throw new UsageError('BAD_OPTION', `--question goes with a tool export; ${r.file} is not one Touchstone recognizes (name it with --format)`);
    return { options: {}, judge: r.judge, notes: undefined };
  }
  return {
    options: { records: prepared.records, skipped: prepared.skipped, skippedReasons: prepared.selection.skippedReasons, sourceFormat: prepared.importer.name },
    judge: prepared.selection.judge ?? r.judge,
    notes: importNotes(prepared),
    ...(prepared.scale === undefined ? {} : { scale: prepared.scale.scale }),
  };
}

/** The summary printed: the ingest summary, plus `import` notes for a tool export. */
export function withNotes<S extends object>(summary: S, t: ToolImport): S | (S & { import: schemas.ImportNotes }) {
  return t.notes === undefined ? summary : { ...summary, import: t.notes };
}

export function renderNotes(t: ToolImport): string {
  return t.notes === undefined ? '' : renderImportNotes(t.notes);
}
