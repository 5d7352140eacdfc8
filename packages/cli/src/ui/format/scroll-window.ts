/**
 * The first visible row of a list `height` rows tall that keeps `cursor` in view, centred where
 * it can be (so the rows around the cursor stay visible while moving).
 * @example scrollOffset(50, 100, 10) // 45
 */
export function scrollOffset(cursor: number, total: number, height: number): number {
  if (total <= height) return 0;
  return Math.max(0, Math.min(total - height, cursor - Math.floor(height / 2)));
}

/** Moves a cursor by `delta` inside [0, total − 1]. */
export function moveCursor(cursor: number, delta: number, total: number): number {
  return total === 0 ? 0 : Math.max(0, Math.min(total - 1, cursor + delta));
}
