import { DAY_MS, FATIGUE, JUDGE, LABELING, LENIENT, TRAFFIC } from './demo-story.js';
import type { GoldLabel } from './gold-labels.js';
import { isoSeconds } from './labeling-calendar.js';
import type { DemoManifest } from './demo-manifest.js';
import type { TrafficRecord } from './traffic.js';

/** Counts and planted effects as they came out of this seed (so the manifest never overstates them). */
export function realisedEffects(labels: readonly GoldLabel[], traffic: readonly TrafficRecord[], nItems: number): Pick<DemoManifest, 'counts' | 'planted'> {
  const perItem = new Map<string, { n: number; v2: boolean; lenient: boolean; slice: string }>();
  for (const l of labels) {
    const e = perItem.get(l.item_id) ?? { n: 0, v2: false, lenient: false, slice: l.slice };
    e.n += 1;
    e.v2 ||= l.guideline_version === 'v2';
    e.lenient ||= l.labeler_id === LENIENT.labeler_id;
    perItem.set(l.item_id, e);
  }
  const entries = [...perItem.values()];
  const lenientItems = entries.filter((e) => e.lenient);
  return {
    counts: {
      items: nItems,
      labels: labels.length,
      labelers: new Set(labels.map((l) => l.labeler_id)).size,
      single_labeled_items: entries.filter((e) => e.n === 1).length,
      sessions: new Set(labels.map((l) => l.session_id)).size,
      traffic: traffic.length,
    },
    planted: {
      lenient_labeler: {
        labeler_id: LENIENT.labeler_id,
        slice: LENIENT.slice,
        delta: LENIENT.delta,
        item_share: Number((lenientItems.length / Math.max(1, nItems)).toFixed(4)),
        items_in_slice: lenientItems.filter((e) => e.slice === LENIENT.slice).length,
      },
      fatigue: { labeler_ids: [...FATIGUE.labeler_ids], after_position: FATIGUE.after_position, per_item: FATIGUE.per_item, max_shift: FATIGUE.max_shift },
      guidelines: { versions: ['v1', 'v2'], v2_from: isoSeconds(Date.parse(LABELING.v2_from)), v1_tone_leniency: LABELING.v1_tone_leniency, items_only_v1: entries.filter((e) => !e.v2).length },
      judge_tails: { judge: JUDGE, agrees_in: [2, 3, 4], hedges_at: [1, 5] },
      traffic: {
        start: isoSeconds(Date.parse(TRAFFIC.end) - TRAFFIC.days * DAY_MS),
        end: isoSeconds(Date.parse(TRAFFIC.end)),
        new_intent: { intent: TRAFFIC.new_intent.intent, ...seen(traffic, (r) => r.metadata.intent === TRAFFIC.new_intent.intent) },
        sunset_intent: { intent: TRAFFIC.sunset_intent.intent, ...seen(traffic, (r) => r.metadata.intent === TRAFFIC.sunset_intent.intent) },
        models: TRAFFIC.models.map(({ model }) => ({ model, ...seen(traffic, (r) => r.metadata.model === model) })),
        prompt_versions: TRAFFIC.prompt_versions.map(({ prompt_version }) => ({ prompt_version, ...seen(traffic, (r) => r.metadata.prompt_version === prompt_version) })),
      },
    },
  };
}

/** First and last timestamp of the records matching `test` (traffic is sorted by time); '' when none. */
function seen(traffic: readonly TrafficRecord[], test: (r: TrafficRecord) => boolean): { first_seen: string; last_seen: string } {
  let first = '';
  let last = '';
  for (const r of traffic) {
    if (!test(r)) continue;
    if (first === '') first = r.timestamp;
    last = r.timestamp;
  }
  return { first_seen: first, last_seen: last };
}
