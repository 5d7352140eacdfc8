import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@touchstone/core/stats';
import { DATA, outDir } from '../lib/paths.mjs';

const SLICES = ['correct', 'incomplete_answer', 'hallucinated_policy', 'tone', 'wrong_tool', 'unsafe_action'];
const RATIONALES = ['cites a policy that does not exist', 'answers only half the question', 'condescending', 'called the wrong tool', 'good answer'];
const START = Date.parse('2025-01-06T08:00:00Z');

/**
 * `n` canonical label records (FORMATS.md) in JSONL: five labelers per item out of 200, ordinal 1–5,
 * slices, two guideline versions, sessions, a rationale on one label in five; no item text (that would
 * turn the benchmark into a test of disk bandwidth). Deterministic in (n, seed); cached in bench/out/data.
 * @returns {{ file: string, bytes: number, records: number }}
 */
export function labelsFile(n, seed = 1) {
  outDir('data');
  const file = join(DATA, `labels-${n}-s${seed}.jsonl`);
  if (existsSync(file)) return { file, records: n };
  const rng = createRng(seed);
  const fd = openSync(`${file}.partial`, 'w');
  let buf = [];
  for (let r = 0; r < n; r++) {
    const item = Math.floor(r / 5);
    const k = r % 5;
    const labeler = (item * 7 + k * 37) % 200;
    const at = START + item * 9_000 + k * 3_600_000 + rng.int(600_000);
    const day = new Date(at).toISOString();
    const rec = {
      item_id: `it-${String(item).padStart(7, '0')}`,
      labeler_id: `lab-${String(labeler).padStart(3, '0')}`,
      label: 1 + rng.int(5),
      labeled_at: `${day.slice(0, 19)}Z`,
      slice: SLICES[item % SLICES.length],
      guideline_version: item < n / 10 ? 'v1' : 'v2',
      session_id: `lab-${String(labeler).padStart(3, '0')}-${day.slice(0, 10)}`,
      ...(rng.next() < 0.2 ? { rationale: RATIONALES[rng.int(RATIONALES.length)] } : {}),
    };
    buf.push(JSON.stringify(rec));
    if (buf.length === 10_000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length > 0) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
  renameSync(`${file}.partial`, file);
  return { file, records: n };
}
