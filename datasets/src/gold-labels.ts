import type { Rng } from '@touchstone/core/stats';
import { RATIONALES, pick } from './compose-text.js';
import { FATIGUE, LABELERS, LABELING, LENIENT, SINGLE_LABELED_SHARE } from './demo-story.js';
import type { GoldItem } from './gold-items.js';
import { isoSeconds, labelingDays, workingDays, yyyymmdd } from './labeling-calendar.js';
import { clamp, weightedSampleWithoutReplacement } from './weighted.js';

/** One label as written to the canonical labels file (FORMATS.md field names and order). */
export interface GoldLabel {
  readonly item_id: string;
  readonly labeler_id: string;
  readonly label: number;
  readonly labeled_at: string;
  readonly slice: string;
  readonly guideline_version: string;
  readonly session_id: string;
  readonly rationale?: string;
}

interface Scheduled {
  readonly item: GoldItem;
  readonly labeler: (typeof LABELERS)[number];
  readonly at: number;
  readonly session: string;
  readonly position: number;
}

const MAX_SESSION = 30;

/**
 * Assigns items to labelers (three each, a share with one), schedules each labeler's queue over their
 * working days in sessions, and draws every label from the item's true quality plus the labeler's bias
 * and noise and the planted effects: leniency of LENIENT on its slice, guideline v1 forgiving tone, and
 * fatigue late in long sessions. Sorted by time, as an annotation tool exports them.
 */
export function generateGoldLabels(rng: Rng, items: readonly GoldItem[]): GoldLabel[] {
  const queues: GoldItem[][] = LABELERS.map(() => []);
  const weights = LABELERS.map((l) => l.weight);
  for (const item of items) {
    const k = rng.next() < SINGLE_LABELED_SHARE ? 1 : 3;
    for (const j of weightedSampleWithoutReplacement(rng, weights, k)) queues[j]?.push(item);
  }
  const days = labelingDays();
  const scheduled: Scheduled[] = [];
  LABELERS.forEach((labeler, j) => {
    const fatigued = (FATIGUE.labeler_ids as readonly string[]).includes(labeler.id);
    scheduled.push(...schedule(rng, labeler, queues[j] ?? [], workingDays(days, j, fatigued), fatigued));
  });
  scheduled.sort((a, b) => a.at - b.at || (a.labeler.id < b.labeler.id ? -1 : a.labeler.id > b.labeler.id ? 1 : 0));
  return scheduled.map((s) => drawLabel(rng, s));
}

function schedule(rng: Rng, labeler: (typeof LABELERS)[number], queue: readonly GoldItem[], days: readonly number[], fatigued: boolean): Scheduled[] {
  const out: Scheduled[] = [];
  days.forEach((day, d) => {
    const chunk = queue.slice(Math.floor((d * queue.length) / days.length), Math.floor(((d + 1) * queue.length) / days.length));
    const parts = fatigued || chunk.length <= MAX_SESSION ? [chunk] : [chunk.slice(0, chunk.length >> 1), chunk.slice(chunk.length >> 1)];
    parts.forEach((part, p) => {
      let at = day + (p === 0 ? 9 * 3600_000 + rng.int(90) * 60_000 : 13.5 * 3600_000 + rng.int(60) * 60_000);
      const session = `${labeler.id}-${yyyymmdd(day)}-${p === 0 ? 'am' : 'pm'}`;
      part.forEach((item, i) => {
        at += (45 + rng.int(135)) * 1000;
        out.push({ item, labeler, at, session, position: i + 1 });
      });
    });
  });
  return out;
}

function drawLabel(rng: Rng, s: Scheduled): GoldLabel {
  const v2 = s.at >= Date.parse(LABELING.v2_from);
  let x = s.item.quality + s.labeler.bias + s.labeler.noise * rng.normal();
  if (s.labeler.id === LENIENT.labeler_id && s.item.slice === LENIENT.slice) x += LENIENT.delta;
  if (!v2 && s.item.slice === 'tone') x += LABELING.v1_tone_leniency;
  if ((FATIGUE.labeler_ids as readonly string[]).includes(s.labeler.id) && s.position > FATIGUE.after_position) {
    x += Math.min(FATIGUE.max_shift, FATIGUE.per_item * (s.position - FATIGUE.after_position));
  }
  const label = clamp(Math.round(x), 1, 5);
  const explain = label <= 3 ? rng.next() < 0.6 : rng.next() < 0.1;
  return {
    item_id: s.item.item_id,
    labeler_id: s.labeler.id,
    label,
    labeled_at: isoSeconds(s.at),
    slice: s.item.slice,
    guideline_version: v2 ? 'v2' : 'v1',
    session_id: s.session,
    ...(explain ? { rationale: pick(rng, RATIONALES[s.item.slice]) } : {}),
  };
}
