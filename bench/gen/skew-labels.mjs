import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@touchstone/core/stats';
import { DATA, outDir } from '../lib/paths.mjs';

export const SKEW_SLICES = ['correct', 'incomplete_answer', 'hallucinated_policy', 'tone', 'wrong_tool', 'unsafe_action'];
export const PLANTED_LABELER = 'lab-00';
export const PLANTED_SLICE = 'hallucinated_policy';
const START = Date.parse('2025-01-06T08:00:00Z');
const DAY = 86_400_000;

/**
 * The skew benchmark's gold set: `items` items × 5 labels from 50 labelers (each labels a tenth of
 * the items), ordinal 1–5 from a latent item quality plus N(0, 0.7) noise, six slices, guideline v1
 * then v2, sessions per labeler and day. Labeler lab-00 is one point lenient on one slice, so the
 * report has a finding to rank. Written twice, deterministically from `seed`: canonical label JSONL
 * for `touchstone ingest`, and a flat CSV for the Python peer. Cached in bench/out/data.
 */
export function skewLabelFiles(items, seed = 3) {
  outDir('data');
  const jsonl = join(DATA, `skew-labels-${items}-s${seed}.jsonl`);
  const csv = join(DATA, `skew-labels-${items}-s${seed}.csv`);
  if (existsSync(jsonl) && existsSync(csv)) return { jsonl, csv, labels: items * 5 };
  const rng = createRng(seed);
  const fj = openSync(`${jsonl}.partial`, 'w');
  const fc = openSync(`${csv}.partial`, 'w');
  writeSync(fc, 'item_id,labeler_id,label,slice,labeled_at_ms,guideline_version,session_id\n');
  let bj = [];
  let bc = [];
  for (let i = 0; i < items; i++) {
    const slice = SKEW_SLICES[i % SKEW_SLICES.length];
    const latent = 1 + 4 * rng.next();
    const item = `it-${String(i).padStart(7, '0')}`;
    for (let k = 0; k < 5; k++) {
      const j = (i * 7 + k * 11) % 50;
      const labeler = `lab-${String(j).padStart(2, '0')}`;
      let label = Math.min(5, Math.max(1, Math.round(latent + 0.7 * rng.normal())));
      if (labeler === PLANTED_LABELER && slice === PLANTED_SLICE) label = Math.min(5, label + 1);
      const at = START + Math.floor(60 * DAY * rng.next());
      const iso = new Date(at).toISOString();
      const version = at < START + 30 * DAY ? 'v1' : 'v2';
      const session = `${labeler}-${iso.slice(0, 10)}`;
      bj.push(JSON.stringify({ item_id: item, labeler_id: labeler, label, labeled_at: iso, slice, guideline_version: version, session_id: session }));
      bc.push(`${item},${labeler},${label},${slice},${at},${version},${session}`);
    }
    if (bj.length >= 20_000) {
      writeSync(fj, `${bj.join('\n')}\n`);
      writeSync(fc, `${bc.join('\n')}\n`);
      bj = [];
      bc = [];
    }
  }
  if (bj.length > 0) {
    writeSync(fj, `${bj.join('\n')}\n`);
    writeSync(fc, `${bc.join('\n')}\n`);
  }
  closeSync(fj);
  closeSync(fc);
  renameSync(`${jsonl}.partial`, jsonl);
  renameSync(`${csv}.partial`, csv);
  return { jsonl, csv, labels: items * 5 };
}
