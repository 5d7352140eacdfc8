import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../stats/rng.js';
import { literal } from '../../store/sql.js';
import type { Store } from '../../store/store.js';
import { jsonl, tempStore } from '../../test-helpers/temp-store.js';
import { ingestJudge } from '../ingest-judge.js';
import { ingestTraffic } from '../ingest-traffic.js';
import { createRedactor } from '../../pii/redact.js';
import { piiTexts } from '../../test-helpers/pii-random-text.js';

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

type Rec = Record<string, unknown>;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)] as T;

// Values every reader and zod accept (valid) and near-misses (messy) for each field.
const TIMES_OK = ['2026-01-05T10:00:00Z', '2026-01-05T10:00:00.123456+02:00', '2026-01-05', '2026-01-05 10:00', '2026-01-05T10:00:00', '2026-01-05T10:00:00.5Z'];
const TIMES_BAD = ['2026-02-30T00:00:00Z', 'yesterday', 17, ' 2026-01-05', '2026-01-05T25:00:00Z', ''];
const META_OK: unknown[] = [{ model: 'm-1' }, { model: 'm-2', tenant: 't/1' }, '{"model": "m-1"}', {}, { note: 'é ünïcode 😀', q: 'say "hi" \\ ok' }];
const META_BAD: unknown[] = [{ n: 5 }, { flag: true }, 'not json', '[1, 2]', { 1: 'x', b: 'y' }, { c: '\u0001' }, [], { nested: { a: 'b' } }];

function trafficRecord(rng: Rng, i: number, messy: boolean): Rec {
  const r: Rec = {
    // Valid files reuse no id (a reused id with other content rejects the file: INGEST_ID_CONFLICT, see the conflict files below).
    id: messy && rng.next() < 0.1 ? pick(rng, ['', 7]) : messy ? `r${i % 17}` : `r${i}`,
    timestamp: messy && rng.next() < 0.15 ? pick(rng, TIMES_BAD) : pick(rng, TIMES_OK),
    input: messy && rng.next() < 0.08 ? pick(rng, ['', 5]) : pick(rng, ['hello', 'how do I reset', 'a "quoted", comma', 'ünï']),
  };
  if (messy && rng.next() < 0.05) delete r['input'];
  if (rng.next() < 0.6) r['output'] = messy && rng.next() < 0.1 ? 5 : pick(rng, ['ok', 'fine, thanks', '']);
  if (rng.next() < 0.6) r['slice'] = messy && rng.next() < 0.1 ? 3 : pick(rng, ['billing', 'login']);
  if (rng.next() < 0.6) r['judge_score'] = messy && rng.next() < 0.1 ? pick(rng, [true, 'high']) : pick(rng, [0, 1, 0.25, 0.7, 3]);
  if (rng.next() < 0.5) r['metadata'] = messy && rng.next() < 0.2 ? pick(rng, META_BAD) : pick(rng, META_OK);
  if (rng.next() < 0.2) r['source_ref'] = `src-${rng.int(5)}`;
  if (rng.next() < 0.2) r['extra'] = { nested: [1, 2] };
  return r;
}

function judgeRecord(rng: Rng, i: number, messy: boolean): Rec {
  const r: Rec = {
    item_id: messy && rng.next() < 0.1 ? pick(rng, ['', 4]) : `i${i % 11}`,
    score: messy && rng.next() < 0.1 ? pick(rng, ['', [] as unknown]) : pick(rng, [1, 2, 5, 0.5, true, false, 'pass', 'fail']),
  };
  if (rng.next() < 0.6) r['scored_at'] = messy && rng.next() < 0.15 ? pick(rng, TIMES_BAD) : pick(rng, TIMES_OK);
  if (rng.next() < 0.4) r['rationale'] = messy && rng.next() < 0.1 ? 9 : pick(rng, ['because', 'see "notes"']);
  if (rng.next() < 0.2) r['judge'] = 'ignored-by-cli';
  return r;
}

/** With exact duplicates of earlier records, as real exports have. */
function records(seed: number, n: number, messy: boolean, make: (rng: Rng, i: number, messy: boolean) => Rec): Rec[] {
  const rng = createRng(seed);
  const out: Rec[] = [];
  for (let i = 0; i < n; i++) out.push(out.length > 0 && rng.next() < 0.1 ? (out[rng.int(out.length)] as Rec) : make(rng, i, messy));
  return out;
}

/** CSV as a spreadsheet would write it: every value as text, objects as their JSON. */
function csv(recs: readonly Rec[], delim: string): string {
  const cols = [...new Set(recs.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown): string => {
    if (v === undefined) return '';
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${cols.join(delim)}\n${recs.map((r) => cols.map((c) => cell(r[c])).join(delim)).join('\n')}\n`;
}

/** Parquet written by DuckDB from the JSONL, with a typed timestamp column when `typedTs`. */
async function parquet(jsonlPath: string, out: string, typedTs: boolean, fields: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`SET TimeZone = 'UTC'`);
  const cols = fields.map((f) => `${literal(f)}: '${f === 'judge_score' ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
  const select = fields.map((f) => (f === 'timestamp' && typedTs ? `"timestamp"::TIMESTAMPTZ AS "timestamp"` : `"${f}"`)).join(', ');
  await con.run(`COPY (SELECT ${select} FROM read_json(${literal(jsonlPath)}, format = 'newline_delimited', columns = {${cols}})) TO ${literal(out)} (FORMAT PARQUET)`);
  con.closeSync();
  instance.closeSync();
}

type Ingest = (store: Store, file: string, native: boolean) => Promise<unknown>;
const traffic: Ingest = (store, file, native) => ingestTraffic(store, { file, actor: 't', native });
const judge: Ingest = (store, file, native) => ingestJudge(store, { file, actor: 't', native, judge: 'j@1' });

async function both(name: string, content: string | ((dir: string) => Promise<string>), ingest: Ingest, table: string) {
  const results = [];
  for (const native of [true, false]) {
    const { store, write, dir } = await tempStore();
    stores.push(store);
    const file = typeof content === 'string' ? write(name, content) : await content(dir);
    const outcome = await ingest(store, file, native)
      .then((s) => ({ ok: true, summary: { ...(s as Rec), file: '', sha256: '', fast_path: undefined }, fast: (s as Rec)['fast_path'] }))
      .catch((e: unknown) => ({ ok: false, message: String((e as Error).message).replaceAll(file, 'FILE') }));
    const rows = await store.all(`SELECT * FROM ${table} ORDER BY seq`);
    const batch = await store.all(`SELECT merkle_root, detail, n_read, n_accepted, n_rejected, n_duplicates, n_inserted FROM batches`);
    results.push({ outcome, rows, batch });
    store.close();
    stores.pop();
  }
  const [fast, zod] = results;
  const strip = (r: typeof fast) => ({ ...r, outcome: { ...r?.outcome, fast: null } });
  return { fast: strip(fast), zod: strip(zod), fastPath: (fast?.outcome as { fast?: unknown } | undefined)?.fast === true };
}

const KINDS = [
  { name: 'traffic', make: trafficRecord, ingest: traffic, table: 'traffic', fields: ['id', 'timestamp', 'input', 'output', 'slice', 'judge_score', 'metadata', 'source_ref'] },
  { name: 'judge', make: judgeRecord, ingest: judge, table: 'judge_scores', fields: ['item_id', 'score', 'scored_at', 'rationale'] },
] as const;

describe('native (DuckDB) staging of traffic and judge scores is indistinguishable from the zod path', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: JSONL, CSV, TSV and Parquet, valid and messy, same rows, hashes, roots and summaries`, async () => {
      const seeds = process.env['TOUCHSTONE_FULL_SIM'] === '1' ? 40 : 3;
      let fastRuns = 0;
      let validRuns = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        for (const messy of [false, true]) {
          const recs = records(seed * 7 + (messy ? 1 : 0), messy ? 12 : 40, messy, kind.make);
          const files: [string, string | ((dir: string) => Promise<string>)][] = [
            ['x.jsonl', jsonl(recs)],
            ['x.csv', csv(recs, ',')],
            ['x.tsv', csv(recs, '\t')],
          ];
          if (!messy && kind.name === 'traffic') {
            // Valid records reusing ids with other content: staged natively, then rejected by the id-conflict check on both paths alike.
            files.push(['conflict.jsonl', jsonl(recs.map((r, i) => ({ ...r, id: `r${i % 13}` })))]);
          }
          if (!messy) {
            const flat = recs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : v])));
            files.push(['x.parquet', async (dir) => {
              const src = `${dir}/src.jsonl`;
              const { writeFileSync } = await import('node:fs');
              writeFileSync(src, jsonl(flat));
              const out = `${dir}/x.parquet`;
              await parquet(src, out, seed % 2 === 0, kind.fields);
              return out;
            }]);
          }
          for (const [name, content] of files) {
            const r = await both(name, content, kind.ingest, kind.table);
            expect(r.fast, `${kind.name} seed ${seed} ${messy ? 'messy' : 'valid'} ${name}`).toEqual(r.zod);
            if (!messy && name !== 'conflict.jsonl') {
              validRuns += 1;
              if (r.fastPath) fastRuns += 1;
              else if (process.env['DEBUG_NATIVE'] === '1') console.log('slow path', kind.name, seed, name, JSON.stringify(r.zod.outcome).slice(0, 300));
            }
          }
        }
      }
      // The valid files must mostly take the fast path, or this test proves nothing about it.
      expect(fastRuns).toBeGreaterThan(validRuns * 0.6);
    }, 300_000);
  }
});

describe('native staging with redaction (prefiltered in SQL, redacted in JS) stores what the zod path stores', () => {
  it('traffic carrying the redaction corpus and random near-misses in input, output and metadata: same rows, hashes, roots, hit counts', async () => {
    const seeds = process.env['TOUCHSTONE_FULL_SIM'] === '1' ? 20 : 3;
    const redactor = createRedactor();
    const redacting: Ingest = (store, file, native) => ingestTraffic(store, { file, actor: 't', native, redactor });
    let fastRuns = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const rng = createRng(1600 + seed);
      const texts = piiTexts(rng, 300);
      const recs = records(seed, 400, false, trafficRecord).map((r, i) => {
        const t = (): string => pick(rng, texts);
        const out: Rec = { ...r, id: `r${i}`, input: rng.next() < 0.7 ? t() : r['input'] };
        if (rng.next() < 0.5) out['output'] = t();
        if (rng.next() < 0.4) out['metadata'] = { note: t(), model: rng.next() < 0.5 ? t() : 'm-1' };
        return out;
      });
      for (const [name, content] of [['x.jsonl', jsonl(recs)], ['x.csv', csv(recs, ',')]] as const) {
        const r = await both(name, content, redacting, 'traffic');
        expect(r.fast, `seed ${seed} ${name}`).toEqual(r.zod);
        if (r.fastPath) fastRuns += 1;
        expect(String((r.zod.batch?.[0] as Rec | undefined)?.['detail'])).toMatch(/"hits":\{"\w+":\d+/);
      }
    }
    expect(fastRuns).toBeGreaterThan(seeds);
  }, 300_000);
});

// Metadata the SQL's regular expressions must decide as zod does (traffic-native-sql.ts): taken
// (stored as JSON.stringify writes it) or sent to the zod path, never stored differently.
const META_EDGES: { value: unknown; fast: boolean }[] = [
  { value: '{"model":"m-1","tenant":"t/1"}', fast: true },
  { value: '{ "model" : "m-1" ,\n\t"q" : "x" }', fast: true },
  { value: '{"a":"x\\/y","b":"tab\\there \\"q\\" \\\\ back"}', fast: true },
  { value: '{"path":"C:\\\\users\\\\u"}', fast: true },
  { value: { path: 'C:\\users\\u', nl: 'a\nb', slash: 'a/b' }, fast: true },
  { value: '{}', fast: true },
  { value: '{"a":"1","a":"2"}', fast: false },
  { value: '{"a":"1","a\\/":"2","a/":"3"}', fast: false },
  { value: '{"0":"x"}', fast: false },
  { value: '{"b":"y", "12" :"x"}', fast: false },
  { value: '{"__proto__":"x"}', fast: false },
  { value: '{"07":"x","b":"y"}', fast: true },
  { value: '{"a":"é\\u00e9"}', fast: false },
  { value: '{"a":"b"} x', fast: false },
  { value: '{"a":"b",}', fast: false },
  { value: '{"a":"b\tc"}', fast: false },
  { value: '{"a":1}', fast: false },
  { value: '{"a,":"b,","":"c"}', fast: true },
  { value: '{"a":"{\\"0\\":1}"}', fast: true },
];

describe('traffic metadata at the edges of the SQL rules', () => {
  it('each edge value in JSONL and Parquet: the same stored rows and outcome as the zod path; the ones the SQL takes take the fast path', async () => {
    for (const [i, edge] of META_EDGES.entries()) {
      const recs: Rec[] = Array.from({ length: 5 }, (_, k) => ({ id: `m${k}`, timestamp: '2026-01-05T10:00:00Z', input: 'hello', ...(k === 2 ? { metadata: edge.value } : { metadata: { model: 'm-1' } }) }));
      const flat = recs.map((r) => ({ ...r, metadata: typeof r['metadata'] === 'string' ? r['metadata'] : JSON.stringify(r['metadata']) }));
      const files: [string, string | ((dir: string) => Promise<string>)][] = [
        ['x.jsonl', jsonl(recs)],
        ['x.parquet', async (dir) => {
          const src = `${dir}/src.jsonl`;
          const { writeFileSync } = await import('node:fs');
          writeFileSync(src, jsonl(flat));
          await parquet(src, `${dir}/x.parquet`, false, ['id', 'timestamp', 'input', 'metadata']);
          return `${dir}/x.parquet`;
        }],
      ];
      for (const [name, content] of files) {
        const r = await both(name, content, traffic, 'traffic');
        expect(r.fast, `edge ${i} ${name}: ${JSON.stringify(edge.value)}`).toEqual(r.zod);
        if (edge.fast) expect(r.fastPath, `edge ${i} ${name} takes the fast path: ${JSON.stringify(edge.value)}`).toBe(true);
      }
    }
  }, 300_000);
});
