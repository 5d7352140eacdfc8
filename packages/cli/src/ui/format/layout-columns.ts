import { displayWidth, sliceToWidth } from './display-width.js';

export interface ColumnSpec {
  readonly header: string;
  /** Fixed width in characters; or the minimum width of a flexible column. */
  readonly width: number;
  /** Flexible columns share the room left over, in proportion to `flex`. */
  readonly flex?: number;
  readonly align?: 'left' | 'right';
  /** Columns with a higher number are dropped first when the terminal is too narrow (0: never). */
  readonly drop?: number;
}

/**
 * Fits columns into `total` characters (one space between columns): drops the most droppable
 * columns until the fixed and minimum widths fit, then gives the rest to flexible columns.
 * Returns the kept columns' indexes and widths.
 */
export function layoutColumns(specs: readonly ColumnSpec[], total: number): { index: number; width: number }[] {
  let kept = specs.map((s, index) => ({ s, index }));
  const need = (cols: typeof kept): number => cols.reduce((sum, c) => sum + c.s.width, 0) + Math.max(0, cols.length - 1);
  while (need(kept) > total) {
    const worst = kept.reduce<(typeof kept)[number] | undefined>((w, c) => ((c.s.drop ?? 0) > (w?.s.drop ?? 0) ? c : w), undefined);
    if (worst === undefined) break;
    kept = kept.filter((c) => c !== worst);
  }
  const spare = Math.max(0, total - need(kept));
  const flexTotal = kept.reduce((sum, c) => sum + (c.s.flex ?? 0), 0);
  let given = 0;
  const flexCols = kept.filter((c) => (c.s.flex ?? 0) > 0);
  return kept.map((c) => {
    let extra = 0;
    if (flexTotal > 0 && (c.s.flex ?? 0) > 0) {
      extra = c === flexCols[flexCols.length - 1] ? spare - given : Math.floor((spare * (c.s.flex ?? 0)) / flexTotal);
      given += extra;
    }
    return { index: c.index, width: c.s.width + extra };
  });
}

/**
 * Pads or cuts a cell to exactly `width` terminal columns, "…" marking a cut. Line breaks and tabs
 * (a labeler id with a carriage return, which sanitizing turns into a newline) become spaces, so a
 * cell is one line and its width is what it shows.
 */
export function fitCell(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
  const text = raw.replace(/\r\n|[\r\n\t]/g, ' ');
  const w = displayWidth(text);
  if (w > width) {
    const cut = width <= 1 ? sliceToWidth(text, width) : `${sliceToWidth(text, width - 1)}…`;
    return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
  }
  const pad = ' '.repeat(width - w);
  return align === 'right' ? pad + text : text + pad;
}
