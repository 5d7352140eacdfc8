import { closeSync, openSync, readSync } from 'node:fs';
import { DataError, UsageError } from '../errors/touchstone-error.js';
import { detectFormat } from '../ingest/detect-format.js';
import { isParseError, type SourceRecord } from '../ingest/source-record.js';
import type { Scale } from '../schemas/scale.js';
import { detectImporter } from './detect.js';
import { isSkip, type ImportKind, type Importer } from './import-item.js';
import type { ImporterName } from './importer-names.js';
import { addToPlan, emptyPlan, planTotal, REQUIRED_FIELDS, type ImportPlan } from './import-plan.js';
import { isSelected, selectImport, type ImportSelection } from './import-selection.js';
import { openExport, type ExportFile } from './read-export.js';
import { IMPORTERS } from './registry.js';

export interface PrepareImportOptions {
  readonly file: string;
  readonly kind: ImportKind;
  /** The tool named by `--format`; undefined to detect it from the file. */
  readonly format?: ImporterName;
  readonly question?: string;
  readonly judge?: string;
  /** A time for labels was supplied (`--labeled-at`). */
  readonly labeledAtSupplied?: boolean;
  /** Canonical fields supplied for records lacking them, by a flag (`--labeler`) or `--map`. */
  readonly supplied?: readonly string[];
}

/** A tool export ready for `runIngest`: its canonical records (`options.records`), skip count and what was chosen. */
export interface PreparedImport {
  readonly importer: Importer;
  readonly records: AsyncIterable<SourceRecord>;
  readonly skipped: number;
  readonly selection: ImportSelection;
  /** The selected question's scale from the export's own settings (labels), and the file it came from. */
  readonly scale?: { readonly scale: Scale; readonly from: string };
}

const SAMPLE = 20;

/** Label Studio's CSV export names its annotation columns `annotator` and `annotation_id`; Touchstone's own CSV has neither. */
function isLabelStudioCsvHeader(file: string): boolean {
  const head = readHead(file).split(/\r?\n/)[0] ?? '';
  const cols = head.replace(/^\uFEFF/, '').split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  return cols.includes('annotator') && cols.includes('annotation_id') && !cols.includes('item_id');
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a tool's export for one ingest: the named importer, or the one detected (undefined when
 * the file is not a JSON/JSONL export any importer recognizes: then it is Touchstone's own format).
 * A first pass counts what the export holds so the question and judge can be chosen and skipped
 * work counted before anything is stored; the records are produced by a second pass.
 */
export async function prepareImport(options: PrepareImportOptions): Promise<PreparedImport | undefined> {
  const { file, kind } = options;
  let exportFile: ExportFile;
  let importer: Importer;
  if (options.format === undefined) {
    const format = detectFormat(file);
    if (format === 'csv' || format === 'tsv') {
      if (!isLabelStudioCsvHeader(file)) return undefined;
    } else if (format !== 'json' && format !== 'jsonl') return undefined;
    exportFile = await openExport(file);
    const detected = detectImporter(await exportFile.sample(SAMPLE), file);
    if (detected === undefined) return undefined;
    importer = detected;
  } else {
    importer = IMPORTERS[options.format];
    exportFile = await openExport(file);
  }
  if (!importer.kinds.includes(kind)) {
    throw new UsageError('IMPORT_KIND_UNSUPPORTED', `${file}: a ${importer.title} holds ${importer.kinds.join(' and ')}, not ${kind}`);
  }
  const plan = emptyPlan(kind);
  for await (const source of exportFile.records()) {
    if (isParseError(source.value)) plan.parseErrors += 1;
    else for (const item of importer.read(source.value)) addToPlan(plan, item);
  }
  if (planTotal(plan) === 0) {
    const held = [...plan.otherKinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
    throw new DataError('IMPORT_NOTHING', `${file}: the ${importer.title} holds no ${kind}${held === '' ? '' : ` (it holds ${held})`}`, { details: [{ file, reason: `no ${kind}` }] });
  }
  const selection = selectImport(plan, { ...(options.question === undefined ? {} : { question: options.question }), ...(options.judge === undefined ? {} : { judge: options.judge }) }, importer.title);
  if (selection.selected === 0) {
    const why = Object.entries(selection.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join('; ');
    throw new DataError('IMPORT_NOTHING', `${file}: the ${importer.title} holds no ${kind} to import; nothing was stored (read ${selection.skipped}, all skipped: ${why})`, { details: [{ file, reason: `no ${kind}: ${why}` }] });
  }
  const supplied = new Set([...(options.supplied ?? []), ...(options.labeledAtSupplied === true ? ['labeled_at'] : [])]);
  requireFields(plan, selection, importer, supplied, file);
  const scale = kind === 'labels' ? importer.scaleFor?.(file, selection.question) : undefined;
  return { importer, records: selectedRecords(exportFile, importer, kind, selection), skipped: selection.skipped, selection, ...(scale === undefined ? {} : { scale }) };
}

/** Flags that supply a field every record of an export lacks. */
const FLAG_FOR: Readonly<Record<string, string>> = {
  labeler_id: '--labeler ID (or --map labeler_id=src.FIELD)',
  labeled_at: '--labeled-at ISO-TIME (recorded as supplied in provenance, never invented)',
};

/**
 * A field that none of the selected records carries is a property of the export (Argilla keeps no
 * response times; Prodigy before 1.10 no annotator), so the import stops before reading and names the
 * flag that supplies it. A field only some records lack is left to validation, which names each record.
 */
function requireFields(plan: ImportPlan, selection: ImportSelection, importer: Importer, supplied: ReadonlySet<string>, file: string): void {
  const chosen = [...plan.groups.values()].filter((g) => g.question === selection.question && (plan.kind !== 'judge' || g.judge === selection.sourceJudge) && g.rank === selection.rank);
  const n = chosen.reduce((a, g) => a + g.n, 0);
  if (n === 0) return;
  const lacking = REQUIRED_FIELDS[plan.kind].filter((f) => !supplied.has(f) && chosen.reduce((a, g) => a + (g.missing.get(f) ?? 0), 0) === n);
  if (lacking.length === 0) return;
  const lines = lacking.map((f) => `${f}: ${importer.missing?.[f] ?? `no record has it`}; supply it with ${FLAG_FOR[f] ?? `--map ${f}=src.FIELD`}`);
  throw new UsageError(lacking.includes('labeled_at') ? 'IMPORT_NEEDS_LABELED_AT' : 'IMPORT_NEEDS_FIELD', `${file}: none of the ${n} ${plan.kind === 'labels' ? 'labels' : plan.kind === 'judge' ? 'judge scores' : 'requests'} in this ${importer.title} has ${lacking.join(' or ')}; nothing was stored:\n  ${lines.join('\n  ')}`);
}

async function* selectedRecords(exportFile: ExportFile, importer: Importer, kind: ImportKind, selection: ImportSelection): AsyncGenerator<SourceRecord> {
  for await (const source of exportFile.records()) {
    if (isParseError(source.value)) {
      yield source;
      continue;
    }
    for (const item of importer.read(source.value)) {
      if (item.kind !== kind || isSkip(item) || !isSelected(item, selection)) continue;
      yield { line: source.line, untyped: false, value: item.value, ...(source.unit === undefined ? {} : { unit: source.unit }) };
    }
  }
}
