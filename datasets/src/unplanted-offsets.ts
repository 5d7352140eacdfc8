import { normalCdf } from '@touchstone/core/stats';
import { FAILURE_MODES, FATIGUE, LABELERS, LENIENT } from './demo-story.js';

/**
 * What the generator really plants besides the manifest's effects: each labeler's expected label minus
 * their peers' on the same items, per slice and overall (share-weighted), in label units. Two sources,
 * both small by design: the unplanted biases (|b| ≤ 0.03), and labels clipped to 1–5, which turn a
 * labeler's noise into bias on the slices near the ends of the scale (a noisier labeler reads higher
 * where true quality sits near 1, lower near 5). Peers: the other labelers weighted by how often they
 * are assigned, leaving out the planted ones (who leave everyone's peers once flagged). Computed from
 * the story's constants: E[clamp(round(q + b + σZ), 1, 5)] = 1 + Σ_{k=1..4} Φ((q + b − k − ½)/σ),
 * integrated over the slice's true quality q = clamp(mean + 0.6·Z, 1, 5) on a grid. Keys
 * "labeler|slice" and "labeler|overall".
 */
export function unplantedOffsets(): Map<string, number> {
  const planted = new Set<string>([LENIENT.labeler_id, ...FATIGUE.labeler_ids]);
  const grid = Array.from({ length: 481 }, (_, k) => -6 + k / 40);
  const density = grid.map((z) => Math.exp(-z * z / 2));
  const total = density.reduce((a, b) => a + b, 0);
  const expected = (mean: number, bias: number, noise: number): number => {
    let e = 0;
    grid.forEach((z, k) => {
      const q = Math.min(5, Math.max(1, mean + 0.6 * z));
      let label = 1;
      for (let c = 1; c <= 4; c++) label += normalCdf((q + bias - c - 0.5) / noise);
      e += (density[k]! / total) * label;
    });
    return e;
  };
  const out = new Map<string, number>();
  for (const l of LABELERS) out.set(`${l.id}|overall`, 0);
  for (const mode of FAILURE_MODES) {
    const e = new Map(LABELERS.map((l) => [l.id, expected(mode.mean, l.bias, l.noise)]));
    for (const l of LABELERS) {
      const peers = LABELERS.filter((p) => p.id !== l.id && !planted.has(p.id));
      const weight = peers.reduce((a, p) => a + p.weight, 0);
      const offset = e.get(l.id)! - peers.reduce((a, p) => a + p.weight * e.get(p.id)!, 0) / weight;
      out.set(`${l.id}|${mode.slice}`, offset);
      out.set(`${l.id}|overall`, out.get(`${l.id}|overall`)! + mode.share * offset);
    }
  }
  return out;
}
