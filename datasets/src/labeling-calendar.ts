import { DAY_MS, LABELING } from './demo-story.js';

/** Working days (Mon–Fri) of the labeling period, as epoch milliseconds at 00:00 UTC. */
export function labelingDays(): number[] {
  const start = Date.parse(LABELING.start);
  const days: number[] = [];
  for (let w = 0; w < LABELING.weeks; w++) for (let d = 0; d < 5; d++) days.push(start + (w * 7 + d) * DAY_MS);
  return days;
}

/**
 * Which working days a labeler works on: the fatigued labelers do one long day a week, the others two
 * or three shorter ones (by their index), so sessions differ in length as they do in real teams.
 */
export function workingDays(days: readonly number[], labelerIndex: number, fatigued: boolean): number[] {
  const weekdays = fatigued ? [4] : labelerIndex % 3 === 0 ? [0, 2, 4] : labelerIndex % 3 === 1 ? [1, 3] : [0, 3];
  return days.filter((_, i) => weekdays.includes(i % 5));
}

/** `2025-03-03T09:14:05Z` (whole seconds, so the text is the same on every platform). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function yyyymmdd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}
