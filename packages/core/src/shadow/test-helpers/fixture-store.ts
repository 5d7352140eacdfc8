import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestLabels } from '../../ingest/ingest-labels.js';
import { ingestTraffic } from '../../ingest/ingest-traffic.js';
import { Store } from '../../store/store.js';

export interface GoldRow {
  readonly item_id: string;
  readonly slice: string;
  readonly pass: boolean;
  readonly input: string;
}

export interface TrafficRow {
  readonly id: string;
  readonly timestamp: string;
  readonly input: string;
  readonly output?: string;
  readonly slice?: string;
  readonly judge_score?: number;
  readonly metadata?: Record<string, string>;
}

/** A store in a temp dir with one binary gold set (two labelers agreeing) and the given traffic, through the real ingest path. */
export async function fixtureStore(gold: readonly GoldRow[], traffic: readonly TrafficRow[]): Promise<{ store: Store; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ts-shadow-'));
  const store = await Store.open(join(dir, 'store.duckdb'));
  const labels = gold.flatMap((g) => ['ann1', 'ann2'].map((labeler) => JSON.stringify({ item_id: g.item_id, labeler_id: labeler, label: g.pass ? 1 : 0, labeled_at: '2026-01-01T00:00:00Z', slice: g.slice, input: g.input, output: `answer to ${g.input}` })));
  writeFileSync(join(dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
  await ingestLabels(store, { file: join(dir, 'labels.jsonl'), actor: 'test', goldSet: 'support', scale: { kind: 'binary' } });
  if (traffic.length > 0) {
    writeFileSync(join(dir, 'traffic.jsonl'), `${traffic.map((t) => JSON.stringify(t)).join('\n')}\n`);
    await ingestTraffic(store, { file: join(dir, 'traffic.jsonl'), actor: 'test' });
  }
  return { store, dir, cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const WORDS: Record<string, string[]> = {
  billing: ['invoice', 'charge', 'refund', 'payment', 'bill', 'charged twice', 'receipt'],
  login: ['password', 'reset', 'locked out', 'two factor', 'sign in', 'username'],
  shipping: ['package', 'delivery', 'tracking', 'courier', 'arrive', 'shipped'],
  returns: ['return label', 'exchange', 'send back', 'wrong size', 'damaged item'],
  crypto: ['bitcoin wallet', 'ethereum gas', 'staking rewards', 'seed phrase', 'blockchain'],
};

const FILLER = ['today', 'urgent', 'again', 'since monday', 'for my mother', 'on the app', 'from abroad', 'last week', 'at work', 'twice now', 'on my phone', 'before friday', 'for the third time', 'with a coupon', 'as a guest', 'after the update', 'in the evening', 'near berlin', 'for a gift', 'without email'];
const VERBS = ['why is', 'how can I fix', 'what happened to', 'can you check', 'I need help with', 'who handles', 'is there a problem with', 'tell me about', 'please explain', 'where do I see'];

/** A request text for a slice: its words with verbs and filler picked by a hash of i, so texts differ beyond near-duplication. */
export function requestText(slice: string, i: number): string {
  const w = WORDS[slice] ?? ['something'];
  const h = (k: number): number => Math.imul(i + 1, 2654435761 + k * 40503) >>> 7;
  const at = <T>(xs: readonly T[], k: number): T => xs[h(k) % xs.length] as T;
  return `${at(VERBS, 1)} my ${at(w, 2)} ${at(FILLER, 3)} and ${at(w, 4)} ${at(FILLER, 5)} ${at(VERBS, 6)} ${at(FILLER, 7)}`;
}
