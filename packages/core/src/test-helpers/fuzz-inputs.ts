import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImporterName } from '../importers/importer-names.js';
import type { Rng } from '../stats/rng.js';

/** One generated bad input: a file to ingest and how (issue 12's fuzz suite, ingest/ingest-fuzz.test.ts). */
export interface FuzzCase {
  readonly name: string;
  readonly kind: 'labels' | 'traffic' | 'judge';
  /** File name (its extension picks the format) and content; `parquetSql`: SELECTs for DuckDB to write as the Parquet file, the first that binds. */
  readonly file: string;
  readonly content?: string | Buffer;
  readonly parquetSql?: readonly string[];
  readonly importer?: ImporterName;
  readonly question?: string;
  readonly judge?: string;
  readonly labeledAt?: string;
  readonly skipInvalid: boolean;
}

const TS = '2026-01-05T10:00:00Z';
const BASE = {
  labels: (i: number) => ({ item_id: `i${i}`, labeler_id: `ann${i % 3}`, label: 1 + (i % 5), labeled_at: TS, slice: 'tone', session_id: 's1', rationale: 'fine' }),
  traffic: (i: number) => ({ id: `t${i}`, timestamp: TS, input: `question ${i}`, output: 'answer', slice: 'tone', judge_score: 0.5, metadata: { region: 'eu' } }),
  judge: (i: number) => ({ item_id: `i${i % 10}`, score: 1 + (i % 5), scored_at: TS, rationale: 'why' }),
} as const;
const FIELDS = { labels: Object.keys(BASE.labels(0)), traffic: Object.keys(BASE.traffic(0)), judge: Object.keys(BASE.judge(0)) };

/** Raw JSON text spliced in where JSON.stringify cannot write it (1e309, a 26-digit integer, deep nesting). */
const raw = (text: string) => ({ __raw: text });
const isRaw = (v: unknown): v is { __raw: string } => typeof v === 'object' && v !== null && '__raw' in v;

const HOSTILE: readonly unknown[] = [
  null, '', '   ', '\u3000', '\u0000', 'a\u0000b', '\u001b[31mred\u001b]8;;https://x.example\u0007', 'line\nbreak', -1, 0, 3.5, 1e20, -1e20,
  true, false, [], {}, [1, 2], { a: { b: 1 } }, 'x'.repeat(70_000), '2026-13-45T00:00:00Z', '0000-01-01T00:00:00Z', '2999-01-01T00:00:00Z',
  'yesterday', 'NaN', 'Infinity', '\ud800', '😀', raw('1e309'), raw('-1e309'), raw('12345678901234567890123456'),
  raw(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), raw(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`), raw('1.7976931348623157e308'),
];

function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (isRaw(v)) {
      raws.push(v.__raw);
      return `__RAW${raws.length - 1}__`;
    }
    return v;
  });
  return text.replace(/"__RAW(\d+)__"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)] as T;

/** A record of `kind` with one field set to a hostile value, removed, or renamed. */
function mutate(rng: Rng, kind: FuzzCase['kind'], i: number): { record: Record<string, unknown>; what: string } {
  const record: Record<string, unknown> = { ...BASE[kind](i) };
  const field = pick(rng, FIELDS[kind]);
  const op = rng.int(10);
  if (op === 0) {
    delete record[field];
    return { record, what: `no ${field}` };
  }
  if (op === 1) {
    record[`${field} `] = record[field];
    delete record[field];
    return { record, what: `"${field} " for ${field}` };
  }
  const value = pick(rng, HOSTILE);
  record[field] = value;
  const shown = isRaw(value) ? value.__raw.slice(0, 24) : JSON.stringify(value)?.slice(0, 24);
  return { record, what: `${field} = ${shown}` };
}

/** Text-level damage to a JSONL file: lines that do not parse, are not objects, repeat a key, are cut off or are not UTF-8. */
function damageLine(rng: Rng, line: string): { text: string | Buffer; what: string } {
  switch (rng.int(8)) {
    case 0:
      return { text: line.slice(0, Math.max(1, rng.int(line.length))), what: 'cut-off line' };
    case 1:
      return { text: pick(rng, ['[1,2]', '"text"', '42', 'null', 'true']), what: 'not an object' };
    case 2:
      return { text: line.replace('{', '{"item_id":"dup","id":"dup",'), what: 'repeated key' };
    case 3:
      return { text: Buffer.concat([Buffer.from(line.slice(0, 10)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(line.slice(10))]), what: 'invalid UTF-8' };
    case 4:
      return { text: `${line.slice(0, -1)},}`, what: 'trailing comma' };
    case 5:
      return { text: line.replace(/"/g, "'"), what: 'single quotes' };
    case 6:
      return { text: `\u0000${line}`, what: 'NUL before the record' };
    default:
      return { text: `${line} ${line}`, what: 'two records on a line' };
  }
}

function joinLines(lines: readonly (string | Buffer)[], crlf: boolean): Buffer {
  const nl = Buffer.from(crlf ? '\r\n' : '\n');
  return Buffer.concat(lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, nl]));
}

/** JSONL and JSON-array cases of Touchstone's own formats. */
function jsonCases(rng: Rng, kind: FuzzCase['kind'], n: number, start: number): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (let c = 0; c < n; c++) {
    const array = c % 3 === 2;
    const records: string[] = [];
    const whats: string[] = [];
    let buffers: (string | Buffer)[] = [];
    const size = 3 + rng.int(5);
    const bad = rng.int(size);
    for (let i = 0; i < size; i++) {
      if (i !== bad) {
        records.push(jsonText(BASE[kind](start * 100 + c * 10 + i)));
        continue;
      }
      const m = mutate(rng, kind, i);
      records.push(jsonText(m.record));
      whats.push(m.what);
    }
    buffers = records;
    if (!array && rng.int(3) === 0) {
      const at = rng.int(records.length);
      const d = damageLine(rng, records[at] ?? '{}');
      buffers = records.map((r, i) => (i === at ? d.text : r));
      whats.push(d.what);
    }
    if (!array && rng.int(4) === 0) {
      buffers.splice(rng.int(buffers.length), 0, '', '   ');
      whats.push('blank lines');
    }
    const content = array ? `[${records.join(',\n')}]` : joinLines(buffers, rng.int(4) === 0);
    out.push({ name: `${kind}/${array ? 'json' : 'jsonl'} #${c}: ${whats.join('; ')}`, kind, file: `${kind}-${start}-${c}.${array ? 'json' : 'jsonl'}`, content, skipInvalid: rng.int(2) === 0 });
  }
  return out;
}

const csvField = (v: unknown, sep: string): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? (isRaw(v) ? v.__raw.slice(0, 200) : JSON.stringify(v)) : String(v);
  return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV/TSV cases: hostile cells, ragged and overlong rows, broken quotes, invalid UTF-8, header problems. */
function tabularCases(rng: Rng, kind: FuzzCase['kind'], n: number, sep: ',' | '\t'): FuzzCase[] {
  const out: FuzzCase[] = [];
  const ext = sep === ',' ? 'csv' : 'tsv';
  const header = FIELDS[kind].filter((f) => f !== 'metadata');
  for (let c = 0; c < n; c++) {
    const rows: (string | Buffer)[] = [];
    const whats: string[] = [];
    const size = 3 + rng.int(4);
    for (let i = 0; i < size; i++) {
      const r = BASE[kind](c * 10 + i) as Record<string, unknown>;
      rows.push(header.map((f) => csvField(r[f], sep)).join(sep));
    }
    const at = 1 + rng.int(size - 1);
    const op = rng.int(9);
    const row = String(rows[at]);
    if (op === 0) {
      rows[at] = row.split(sep).slice(0, -2).join(sep);
      whats.push(`row ${at + 2} short by two cells`);
    } else if (op === 1) {
      rows[at] = `${row}${sep}extra${sep}more`;
      whats.push(`row ${at + 2} two cells too many`);
    } else if (op === 2) {
      rows[at] = row.replace(sep, `${sep}"unclosed`);
      whats.push(`row ${at + 2} unclosed quote`);
    } else if (op === 3) {
      rows[at] = Buffer.concat([Buffer.from(row.slice(0, 3)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(row.slice(3))]);
      whats.push(`row ${at + 2} invalid UTF-8`);
    } else if (op === 4) {
      const cells = row.split(sep);
      const i = rng.int(cells.length);
      cells[i] = csvField(pick(rng, HOSTILE), sep);
      rows[at] = cells.join(sep);
      whats.push(`row ${at + 2} ${header[i]} hostile`);
    } else if (op === 5) {
      whats.push('header only');
      rows.length = 0;
    } else if (op === 6) {
      whats.push(`header without ${header[1]}`);
      header.splice(1, 1);
      for (let i = 0; i < rows.length; i++) rows[i] = String(rows[i]).split(sep).filter((_c, j) => j !== 1).join(sep);
    } else if (op === 7) {
      rows[at] = `${row}\u0000`;
      whats.push(`row ${at + 2} NUL`);
    } else {
      rows.splice(at, 0, '');
      whats.push('blank row');
    }
    const content = joinLines([header.join(sep), ...rows], rng.int(4) === 0);
    out.push({ name: `${kind}/${ext} #${c}: ${whats.join('; ')}`, kind, file: `${kind}-${ext}-${c}.${ext}`, content, skipInvalid: rng.int(2) === 0 });
  }
  return out;
}

const PARQUET_VALUES = [
  "'NaN'::DOUBLE", "'Infinity'::DOUBLE", "'-Infinity'::DOUBLE", 'NULL', '1e308 * 10', "{'a': 1}", '[1, 2]', "'2999-01-01'::TIMESTAMPTZ", "'0001-01-01'::TIMESTAMPTZ",
  "''", "'   '", 'chr(0)', '12345678901234567890::HUGEINT', "'\\x00'::BLOB", 'true', '3.5', "'2026-01-05'::DATE",
];

/** Parquet cases: one column of a valid table replaced by a typed hostile value (NaN, ±Inf, NULL, a struct, a list, a blob …). */
function parquetCases(rng: Rng, kind: FuzzCase['kind'], n: number): FuzzCase[] {
  const cols: Record<FuzzCase['kind'], Record<string, string>> = {
    labels: { item_id: "'i' || x", labeler_id: "'ann' || (x % 3)", label: '1 + x % 5', labeled_at: "'2026-01-05T10:00:00Z'" },
    traffic: { id: "'t' || x", timestamp: "'2026-01-05T10:00:00Z'::TIMESTAMPTZ", input: "'q' || x", judge_score: '0.5' },
    judge: { item_id: "'i' || (x % 10)", score: '1 + x % 5', scored_at: "'2026-01-05T10:00:00Z'" },
  };
  const out: FuzzCase[] = [];
  for (let c = 0; c < n; c++) {
    const names = Object.keys(cols[kind]);
    const col = pick(rng, names);
    const value = pick(rng, PARQUET_VALUES);
    const bad = rng.int(4);
    // Typed when the value's type and the column's meet; else the column holds text.
    const select = (cast: string) => names.map((k) => `${k === col ? `CASE WHEN x = ${bad} THEN (${value})${cast} ELSE (${cols[kind][k]})${cast} END` : cols[kind][k]} AS ${k}`).join(', ');
    const sql = [select(''), select('::VARCHAR')].map((list) => `SELECT ${list} FROM range(4) t(x)`);
    out.push({ name: `${kind}/parquet #${c}: ${col} = ${value} in record ${bad + 1}`, kind, file: `${kind}-pq-${c}.parquet`, parquetSql: sql, skipInvalid: rng.int(2) === 0 });
  }
  return out;
}

/** Where a value sits in a parsed export, as a path of keys. */
type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, k], out);
  else out.push(path);
  return out;
}

function setPath(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Each tool's sample export (importers/fixtures) with how `ingest` reads each kind it holds. */
const TOOLS: readonly { importer: ImporterName; file: string; kind: FuzzCase['kind']; question?: string; judge?: string; labeledAt?: string }[] = [
  { importer: 'label-studio', file: 'label-studio-export.json', kind: 'labels', question: 'helpfulness' },
  { importer: 'label-studio', file: 'label-studio-export.json', kind: 'judge', judge: 'gpt-judge@v3' },
  { importer: 'prodigy', file: 'prodigy-db-out.jsonl', kind: 'labels' },
  { importer: 'argilla', file: 'argilla-records.json', kind: 'labels', question: 'correctness', labeledAt: '2024-06-30' },
  { importer: 'argilla', file: 'argilla-records.json', kind: 'judge' },
  { importer: 'langfuse', file: 'langfuse-traces.json', kind: 'traffic' },
  { importer: 'langfuse', file: 'langfuse-scores.json', kind: 'labels', question: 'correctness' },
  { importer: 'langfuse', file: 'langfuse-scores.json', kind: 'judge', judge: 'halluc-judge@v1' },
  { importer: 'langsmith', file: 'langsmith-runs.jsonl', kind: 'traffic' },
  { importer: 'langsmith', file: 'langsmith-feedback.json', kind: 'labels' },
  { importer: 'langsmith', file: 'langsmith-feedback.json', kind: 'judge', question: 'correctness', judge: 'correctness-eval@v2' },
  { importer: 'otel-genai', file: 'otel-genai.jsonl', kind: 'traffic' },
  { importer: 'otel-genai', file: 'otel-genai.jsonl', kind: 'judge', judge: 'relevance' },
];

/** Tool exports with one value somewhere in them replaced by a hostile one (or removed), read through the importer. */
function importerCases(rng: Rng, fixtures: string, perTool: number): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (const tool of TOOLS) {
    const text = readFileSync(join(fixtures, tool.file), 'utf8');
    const jsonl = tool.file.endsWith('.jsonl');
    for (let c = 0; c < perTool; c++) {
      const doc: unknown = jsonl ? text.trim().split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown) : JSON.parse(text);
      const paths = leafPaths(doc);
      const path = pick(rng, paths);
      const value = rng.int(6) === 0 ? undefined : pick(rng, HOSTILE);
      setPath(doc, path, value);
      const content = jsonl ? `${(doc as unknown[]).map((r) => jsonText(r)).join('\n')}\n` : jsonText(doc);
      const shown = value === undefined ? 'removed' : isRaw(value) ? value.__raw.slice(0, 24) : JSON.stringify(value).slice(0, 24);
      out.push({
        name: `${tool.importer} ${tool.kind} #${c}: ${path.join('.')} ${shown}`,
        kind: tool.kind,
        file: `${tool.importer}-${tool.kind}-${c}.${jsonl ? 'jsonl' : 'json'}`,
        content,
        importer: tool.importer,
        ...(tool.question === undefined ? {} : { question: tool.question }),
        ...(tool.judge === undefined ? {} : { judge: tool.judge }),
        ...(tool.labeledAt === undefined ? {} : { labeledAt: tool.labeledAt }),
        skipInvalid: rng.int(2) === 0,
      });
    }
  }
  return out;
}

/** Every fuzz case for one seed: about 260 over every format, importer and record kind. */
export function fuzzCases(rng: Rng, fixtures: string): FuzzCase[] {
  const kinds = ['labels', 'traffic', 'judge'] as const;
  return [
    ...kinds.flatMap((k, i) => jsonCases(rng, k, 20, i)),
    ...kinds.flatMap((k) => tabularCases(rng, k, 8, ',')),
    ...kinds.flatMap((k) => tabularCases(rng, k, 5, '\t')),
    ...kinds.flatMap((k) => parquetCases(rng, k, 8)),
    ...importerCases(rng, fixtures, 7),
  ];
}
