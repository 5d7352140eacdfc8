import type { Redactor } from '../pii/redact.js';

/** A candidate traffic row as read by `candidatesSql`. */
export type CandidateRow = {
  readonly seq: number;
  readonly id: string;
  readonly ts: string;
  readonly input: string;
  readonly output: string | null;
  readonly slice: string | null;
  readonly judge_score: number | null;
  readonly metadata: string | null;
  readonly batch_id: number;
  /** The request's precomputed embedding (JSON text), null when it has none. */
  readonly embedding: string | null;
  readonly stratum: string;
  readonly rank: number;
  readonly input_chars: number;
  readonly output_chars: number | null;
};

/** A shadow item as stored: the row's identity and its text after PII redaction. */
export interface ShadowItem {
  readonly item_id: string;
  readonly traffic_seq: number;
  readonly traffic_id: string;
  readonly ts: string;
  readonly stratum: string;
  /** Window requests this item stands for (sample-window.ts); Σ over a stratum = its size. */
  readonly weight: number;
  readonly input: string;
  readonly output: string | null;
  readonly slice: string | null;
  readonly judge_score: number | null;
  readonly metadata: string | null;
  readonly input_chars: number;
  readonly output_chars: number | null;
  readonly batch_id: number;
  readonly embedding: string | null;
}

/** Redacts a candidate's input, output and metadata values, counting hits per rule into `hits`. */
export function redactCandidate(row: CandidateRow, redactor: Redactor, hits: Record<string, number>): Pick<ShadowItem, 'input' | 'output' | 'metadata'> {
  const apply = (text: string): string => {
    const r = redactor.redact(text);
    for (const [k, v] of Object.entries(r.hits)) hits[k] = (hits[k] ?? 0) + v;
    return r.text;
  };
  let metadata = row.metadata;
  if (metadata !== null) {
    const parsed = JSON.parse(metadata) as Record<string, unknown>;
    metadata = JSON.stringify(Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? apply(v) : v])));
  }
  return { input: apply(row.input), output: row.output === null ? null : apply(row.output), metadata };
}

/** The content of an item that the shadow set's hash covers (no store-specific seq or batch ids). */
export function hashedContent(item: ShadowItem): unknown[] {
  const content: unknown[] = [item.traffic_id, item.ts, item.stratum, item.weight, item.input, item.output, item.slice, item.judge_score, item.metadata];
  // Only when set, so sets drawn from traffic without embeddings keep their hash.
  return item.embedding === null ? content : [...content, item.embedding];
}
