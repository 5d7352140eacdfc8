import { parseDuration } from '../config/duration.js';
import type { GoldSet } from '../gold/gold-set.js';
import type { ShadowSet } from '../shadow/shadow-set.js';
import type { Store } from '../store/store.js';
import type { DriftInputs } from './analyze-drift.js';
import { goldItemsSql, judgesSql, shadowItemsSql } from './drift-sql.js';
import { goldContextSql } from './gold-context-sql.js';
import { humanScaleStrata } from './human-scale-strata.js';
import type { HumanScaleCorrector } from './human-scale.js';
import { judgePasses, type PassRule } from './judge-pass-rule.js';
import { storeTrafficSource } from '../traffic-source/store-traffic-source.js';
import type { TrafficSource } from '../traffic-source/traffic-source.js';
import type { MetadataCounts } from './metadata-drift.js';
import type { Redactor } from '../pii/redact.js';

export interface LoadOptions {
  readonly passRule: PassRule;
  readonly metadataKeys?: readonly string[];
  readonly topK?: number;
  /** Judge whose scores on gold items calibrate the traffic judge (default: the only judge, if exactly one). */
  readonly judge?: string;
  readonly corrector?: HumanScaleCorrector;
  /** Applied to metadata values before they enter the report (they come from raw traffic, not the redacted shadow set). */
  readonly redactor?: Redactor;
  /** Where the traffic is read from (default: the store's traffic table); the gold side is always the store. */
  readonly source?: TrafficSource;
}

/** Baseline for metadata: three window-lengths before the window (two are needed to measure turnover). */
const BASELINE_WINDOWS = 3;

/** Gold items that must carry a metadata key for traffic to be compared with gold on it (both halves need some). */
const MIN_GOLD_WITH_KEY = 10;

interface GoldContext {
  readonly metadata: Record<string, string> | null;
  readonly embedding: number[] | null;
}

/** Each gold item's metadata and embedding: its own, over what it inherits from the production request its trace id names. */
async function goldContext(store: Store, goldSet: string, notes: string[]): Promise<Map<string, GoldContext>> {
  const rows = await store.all<{ item_id: string; metadata: string | null; trace_id: string | null; embedding: string | null; trace_found: boolean; trace_metadata: string | null; trace_embedding: string | null }>(goldContextSql(goldSet));
  const out = new Map<string, GoldContext>();
  let traced = 0;
  let found = 0;
  for (const r of rows) {
    if (r.trace_id !== null) traced++;
    if (r.trace_found) found++;
    const inherited = r.trace_metadata === null ? {} : (JSON.parse(r.trace_metadata) as Record<string, string>);
    const own = r.metadata === null ? {} : (JSON.parse(r.metadata) as Record<string, string>);
    const merged = { ...inherited, ...own };
    out.set(r.item_id, { metadata: Object.keys(merged).length > 0 ? merged : null, embedding: parseVector(r.embedding ?? r.trace_embedding) });
  }
  if (traced > 0) notes.push(`gold provenance: ${traced} gold items name the production request they were sampled from; ${found} of those requests are in the store and lend the item their metadata${found < traced ? ` (${traced - found} not found)` : ''}`);
  return out;
}

function parseVector(text: string | null): number[] | null {
  return text === null ? null : (JSON.parse(text) as number[]);
}

/** Per key carried by at least MIN_GOLD_WITH_KEY gold items: each such item's value and half (A: even position among them). */
function goldMetadataByKey(metadata: readonly (Record<string, string> | null)[], keys: readonly string[]): Map<string, { value: string; half: 'A' | 'B' }[]> {
  const out = new Map<string, { value: string; half: 'A' | 'B' }[]>();
  for (const key of keys) {
    const values = metadata.map((m) => m?.[key]).filter((v): v is string => v !== undefined);
    if (values.length >= MIN_GOLD_WITH_KEY) out.set(key, values.map((value, i) => ({ value, half: i % 2 === 0 ? 'A' : 'B' })));
  }
  return out;
}

/** Metadata counts of the window against gold's items (metadata-drift.ts, reference "gold"). */
async function metadataVsGold(source: TrafficSource, byKey: ReadonlyMap<string, { value: string; half: 'A' | 'B' }[]>, window: { start: string; end: string }, topK: number, redactor: Redactor | undefined): Promise<MetadataCounts[]> {
  const flat = [...byKey].flatMap(([key, vs]) => vs.map((v) => ({ key, ...v })));
  const rows = await source.windowVsGoldMetadata(flat, window, topK);
  return [...byKey.keys()].sort().map((key) => {
    const vs = byKey.get(key) ?? [];
    const mine = rows.filter((r) => r.key === key);
    const listed = new Set(mine.map((r) => r.value));
    const goldCounts = new Map<string, number>();
    for (const v of vs) {
      const cat = listed.has(v.value) ? v.value : '(other)';
      goldCounts.set(cat, (goldCounts.get(cat) ?? 0) + 1);
    }
    const inA = new Set(vs.filter((v) => v.half === 'A').map((v) => v.value));
    const heldOut = vs.filter((v) => v.half === 'B');
    const values = [
      ...mine.map((r) => ({ value: r.value, baseline: goldCounts.get(r.value) ?? 0, window: r.window, unseen: r.unseen })),
      ...(listed.has('(other)') || !goldCounts.has('(other)') ? [] : [{ value: '(other)', baseline: goldCounts.get('(other)') ?? 0, window: 0, unseen: false }]),
    ];
    return {
      key,
      reference: 'gold' as const,
      values: redactValues(values, redactor),
      windowUnseen: mine.reduce((a, r) => a + r.not_in_a, 0),
      windowUnseenGold: mine.reduce((a, r) => a + r.not_in_gold, 0),
      windowTotal: mine.reduce((a, r) => a + r.window, 0),
      turnoverUnseen: heldOut.filter((v) => !inA.has(v.value)).length,
      turnoverTotal: heldOut.length,
    };
  });
}

/** Reads everything `analyzeDrift` needs for a shadow set from the store. */
export async function loadDriftInputs(store: Store, gold: GoldSet, shadow: ShadowSet, options: LoadOptions): Promise<DriftInputs> {
  const notes: string[] = [];
  const window = { start: shadow.window_start, end: shadow.window_end };
  const judges = await store.all<{ judge: string; n: number }>(judgesSql(gold.name));
  const judge = options.judge ?? (judges.length === 1 ? judges[0]?.judge : undefined);
  if (judge === undefined) {
    notes.push(judges.length === 0
      ? 'pass rate: gold items carry no judge scores, so the judge\'s pass rate on gold is unknown and traffic is not compared with gold (humans on gold against the judge on traffic would be two instruments); ingest the judge\'s scores on gold with touchstone ingest judge'
      : `pass rate: several judges scored the gold set (${judges.map((j) => j.judge).join(', ')}); name the one that scores traffic with drift.judge`);
  }
  const goldRows = await store.all<{ item_id: string; slice: string | null; pass: boolean | null; input: string | null; input_chars: number | null; output_chars: number | null; judge_score: number | null }>(goldItemsSql(gold.scale, gold.name, judge));
  const context = await goldContext(store, gold.name, notes);
  const shadowRows = await store.all<{ slice: string | null; judge_score: number | null; weight: number; input: string; input_chars: number; output_chars: number | null; metadata: string | null }>(shadowItemsSql(shadow.shadow_id));
  const shadowEmbeddings = await store.all<{ item_id: string; embedding: string | null }>({ sql: `SELECT item_id, embedding FROM shadow_items WHERE shadow_id = $1 ORDER BY item_id`, params: [shadow.shadow_id] });
  const source = options.source ?? storeTrafficSource(store);
  const sliceRows = await source.windowSlices(window);
  const windowSlices = new Map<string, number>();
  const lastSeen = new Map<string, string>();
  let windowNoSlice = 0;
  for (const r of sliceRows) {
    if (r.slice === null) windowNoSlice += r.n_window;
    else {
      if (r.n_window > 0) windowSlices.set(r.slice, r.n_window);
      if (r.last_before !== null) lastSeen.set(r.slice, r.last_before);
    }
  }

  const allKeys = options.metadataKeys ?? topMetadataKeys(shadowRows.map((r) => r.metadata), 20);
  const metadata: MetadataCounts[] = [];
  const goldKeyed = goldMetadataByKey(goldRows.map((g) => context.get(g.item_id)?.metadata ?? null), allKeys);
  if (goldKeyed.size > 0) metadata.push(...(await metadataVsGold(source, goldKeyed, window, options.topK ?? 20, options.redactor)));
  const keys = allKeys.filter((k) => !goldKeyed.has(k));
  if (keys.length > 0 && goldKeyed.size === 0 && context.size === 0) notes.push(`metadata (${keys.join(', ')}): gold items carry no metadata, so traffic is compared with the ${BASELINE_WINDOWS} windows before this one, not with gold (give labels a "metadata" object or a "trace_id" of the request they were sampled from)`);
  else if (keys.length > 0) notes.push(`metadata (${keys.join(', ')}): fewer than ${MIN_GOLD_WITH_KEY} gold items carry ${keys.length === 1 ? 'this key' : 'these keys'}, so traffic is compared with the ${BASELINE_WINDOWS} windows before this one, not with gold`);
  if (keys.length > 0) {
    const w = parseDuration(shadow.params.window);
    const startMs = Date.parse(window.start);
    const rows = await source.metadataCounts({ keys, window, baselineStart: new Date(startMs - BASELINE_WINDOWS * w).toISOString(), turnoverStart: new Date(startMs - w).toISOString(), topK: options.topK ?? 20 });
    for (const key of keys) {
      const mine = rows.filter((r) => r.key === key);
      const firstBaseline = mine.reduce((a, r) => a + r.baseline - r.last_total, 0);
      metadata.push({
        key,
        values: redactValues(mine.map((r) => ({ value: r.value, baseline: r.baseline, window: r.window, unseen: r.unseen })), options.redactor),
        windowUnseen: mine.reduce((a, r) => a + r.win_unseen, 0),
        windowTotal: mine.reduce((a, r) => a + r.window, 0),
        // Turnover needs history before the baseline's last window; without it, no test.
        turnoverUnseen: firstBaseline > 0 ? mine.reduce((a, r) => a + r.last_unseen, 0) : 0,
        turnoverTotal: firstBaseline > 0 ? mine.reduce((a, r) => a + r.last_total, 0) : 0,
      });
    }
  }

  const rule = options.passRule;
  const goldOut = goldRows.map(({ judge_score, ...g }) => ({ ...g, judge_pass: judgePasses(rule, judge_score) }));
  const shadowOut = shadowRows.map((r) => ({ slice: r.slice, pass: judgePasses(rule, r.judge_score), weight: r.weight, input: r.input, input_chars: r.input_chars, output_chars: r.output_chars }));
  let humanScale: DriftInputs['humanScale'] = null;
  if (judge !== undefined) {
    if (options.corrector === undefined) notes.push('human-scale pass rate: not available in this build (no corrector supplied)');
    else {
      const strata = humanScaleStrata(goldRows, shadowRows, windowSlices, windowNoSlice, rule);
      humanScale = options.corrector({ judge, ...strata });
    }
  }

  return {
    goldSet: gold.name,
    shadowId: shadow.shadow_id,
    window,
    gold: goldOut.map((g) => ({ ...g, embedding: context.get(g.item_id)?.embedding ?? null })),
    shadow: shadowOut.map((r, i) => ({
      ...r,
      embedding: parseVector(shadowEmbeddings[i]?.embedding ?? null), metadata: shadowRows[i]?.metadata == null ? null : (JSON.parse(shadowRows[i]!.metadata!) as Record<string, string>),
    })),
    windowSlices,
    windowNoSlice,
    lastSeen,
    metadata,
    passThreshold: rule.threshold,
    passRule: rule,
    humanScale,
    notes,
  };
}

/** The most frequent metadata keys among the shadow items. */
function topMetadataKeys(metadata: readonly (string | null)[], max: number): string[] {
  const counts = new Map<string, number>();
  for (const m of metadata) {
    if (m === null) continue;
    for (const k of Object.keys(JSON.parse(m) as Record<string, unknown>)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([k]) => k).sort();
}

/** Redacts metadata values; values that redact alike ("[EMAIL]") are merged into one category. */
function redactValues(values: MetadataCounts['values'], redactor: Redactor | undefined): MetadataCounts['values'] {
  if (redactor === undefined || redactor.rules.length === 0) return values;
  const merged = new Map<string, { value: string; baseline: number; window: number; unseen: boolean }>();
  for (const v of values) {
    const value = v.value === '(other)' ? v.value : redactor.redact(v.value).text;
    const m = merged.get(value);
    if (m === undefined) merged.set(value, { ...v, value });
    else merged.set(value, { value, baseline: m.baseline + v.baseline, window: m.window + v.window, unseen: m.unseen && v.unseen });
  }
  return [...merged.values()];
}
