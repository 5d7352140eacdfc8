import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@touchstone/core/stats';
import { runCli } from './cli.js';

const WORDS: Record<string, string[]> = {
  billing: ['invoice', 'charge', 'refund', 'payment', 'receipt', 'billed amount'],
  login: ['password', 'reset link', 'locked account', 'sign in', 'username', 'two factor code'],
  shipping: ['package', 'delivery', 'tracking number', 'courier', 'arrival date', 'shipment'],
  returns: ['return label', 'exchange', 'send back', 'wrong size', 'damaged item'],
};
const CRYPTO = ['how do I stake my ethereum', 'bitcoin wallet seed phrase lost', 'gas fees on my nft transfer', 'convert my coins to usd', 'my crypto withdrawal is pending'];
const FILLER = ['today', 'urgent', 'again', 'since monday', 'on the app', 'from abroad', 'last week', 'at work', 'on my phone', 'before friday', 'for my mother', 'after the update'];
const VERBS = ['why is', 'how can I fix', 'what happened to', 'can you check', 'I need help with', 'is there a problem with', 'tell me about'];

export interface DriftFixture {
  /** Days 1–21 of February 2026 look like gold; days 22–28 add a new "crypto" intent, a new model and a lower judge pass rate. */
  readonly labels: string;
  readonly traffic: string;
  /**
   * The online judge's scores on the gold items (judge "online"): it passes 98% of the items humans
   * pass and 30% of those they fail, so on gold it passes about 94%, as on the calm traffic.
   */
  readonly judge: string;
}

/** Writes a small support gold set (3 labelers, 300 items) and 28 days of traffic (6,000 requests) to `dir`. */
export function writeDriftFixture(dir: string): DriftFixture {
  const rng = createRng(11);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const slices = Object.keys(WORDS);
  const text = (slice: string): string => {
    const w = WORDS[slice] ?? [];
    return `${pick(VERBS)} my ${pick(w)} ${pick(FILLER)} and ${pick(w)} ${pick(FILLER)}`;
  };
  const labels: string[] = [];
  const judge: string[] = [];
  // Its own stream, so the labels and traffic are the bytes they were before the judge file existed.
  const judgeRng = createRng(12);
  for (let i = 0; i < 300; i++) {
    const slice = pick(slices);
    const pass = rng.next() < 0.94 ? 1 : 0;
    judge.push(JSON.stringify({ item_id: `g${i}`, score: judgeRng.next() < (pass === 1 ? 0.98 : 0.3) ? 1 : 0 }));
    const input = text(slice);
    const output = 'ok '.repeat(5 + rng.int(35));
    for (const labeler of ['ann', 'bob', 'cy']) {
      labels.push(JSON.stringify({ item_id: `g${i}`, labeler_id: labeler, label: rng.next() < 0.9 ? pass : 1 - pass, labeled_at: '2026-01-05T00:00:00Z', slice, input, output }));
    }
  }
  const traffic: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const day = 1 + (i % 28);
    const late = day > 21;
    const slice = late && rng.next() < 0.2 ? 'crypto' : pick(slices);
    let input = slice === 'crypto' ? `${pick(CRYPTO)} ${pick(FILLER)}` : text(slice);
    if (i % 97 === 0) input += ' email me at jo.smith@example.org';
    traffic.push(JSON.stringify({
      id: `t${i}`,
      timestamp: `2026-02-${String(day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
      input,
      output: 'ok '.repeat(5 + rng.int(35)),
      slice,
      judge_score: rng.next() < (late ? 0.84 : 0.94) ? 1 : 0,
      metadata: { model: late && rng.next() < 0.5 ? 'm-2' : 'm-1', tenant: `t${1 + rng.int(300)}` },
    }));
  }
  const fixture = { labels: join(dir, 'labels.jsonl'), traffic: join(dir, 'traffic.jsonl'), judge: join(dir, 'judge-on-gold.jsonl') };
  writeFileSync(fixture.labels, `${labels.join('\n')}\n`);
  writeFileSync(fixture.judge, `${judge.join('\n')}\n`);
  writeFileSync(fixture.traffic, `${traffic.join('\n')}\n`);
  return fixture;
}

/** Ingests the fixture into the store at `db` through the real CLI. */
export async function ingestDriftFixture(dir: string, db: string): Promise<void> {
  const f = writeDriftFixture(dir);
  const a = await runCli(['--db', db, 'ingest', 'labels', f.labels, '--gold', 'support', '--scale', 'binary']);
  if (a.code !== 0) throw new Error(`ingest labels failed: ${a.stderr}`);
  const b = await runCli(['--db', db, 'ingest', 'traffic', f.traffic]);
  if (b.code !== 0) throw new Error(`ingest traffic failed: ${b.stderr}`);
  const c = await runCli(['--db', db, 'ingest', 'judge', f.judge, '--judge', 'online', '--gold', 'support']);
  if (c.code !== 0) throw new Error(`ingest judge failed: ${c.stderr}`);
}

/** The window ending here is drawn like gold; the one ending at DRIFTED carries the planted drift. */
export const CALM = '2026-02-22T00:00:00Z';
export const DRIFTED = '2026-03-01T00:00:00Z';
