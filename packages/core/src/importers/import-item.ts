import type { Scale } from '../schemas/scale.js';
import type { ImporterName } from './importer-names.js';

/** What one `touchstone ingest` call imports: gold labels, judge scores or production traffic. */
export type ImportKind = 'labels' | 'judge' | 'traffic';

/** A canonical record (FORMATS.md field names, plus `source_ref` and `src.*` fields for --map), or why it cannot be one. */
export type CanonicalValue = Record<string, unknown> | { readonly parseError: string };

/** One label, judge score or request an importer found in an export record. */
export interface ImportRecord {
  readonly kind: ImportKind;
  readonly value: CanonicalValue;
  /** What was asked: a Label Studio control, an Argilla question, a Langfuse score name … (labels, judge). */
  readonly question?: string;
  /** The judge as the export names it (judge scores); absent when the export does not say. */
  readonly judge?: string;
  /**
   * Traffic only: when an export holds requests at several levels (a Langfuse trace and its
   * generations, a LangSmith root run and its child runs), only the lowest rank present is imported.
   */
  readonly rank?: number;
  /** Why a record of a higher rank is skipped when a lower one is present. */
  readonly rankNote?: string;
}

/** Work the export holds but that is not a label/score/request: counted as read and skipped, with the reason. */
export interface ImportSkip {
  readonly kind: ImportKind;
  readonly skip: string;
}

export type ImportItem = ImportRecord | ImportSkip;

export function isSkip(item: ImportItem): item is ImportSkip {
  return 'skip' in item;
}

/** A tool importer: recognizes the tool's records and turns each into canonical items. Pure. */
export interface Importer {
  readonly name: ImporterName;
  /** The export this importer reads, for help and messages. */
  readonly title: string;
  /** The kinds this tool's exports can hold. */
  readonly kinds: readonly ImportKind[];
  /** Why this tool's exports may lack a required field (`labeled_at`: "Argilla v2 keeps no response times"), for the message naming the flag that supplies it. */
  readonly missing?: Readonly<Partial<Record<string, string>>>;
  /** The scale of a question as the export's own settings define it (an Argilla rating question's range), when they are found. */
  scaleFor?(file: string, question: string | undefined): { scale: Scale; from: string } | undefined;
  /** True when one parsed export record looks like this tool's. */
  looksLike(record: Record<string, unknown>): boolean;
  /** The items of one export record (a task, a JSONL line, a trace, an OTLP request). */
  read(record: Record<string, unknown>): ImportItem[];
}
