import { Box } from 'ink';
import { fitCell, layoutColumns, type ColumnSpec } from '../format/layout-columns.js';
import { scrollOffset } from '../format/scroll-window.js';
import type { Tone as ToneName } from '../theme.js';
import { Tone } from './Tone.js';

export interface TableRow {
  readonly key: string;
  readonly cells: readonly string[];
  readonly tone?: ToneName;
}

export interface DataTableProps {
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly TableRow[];
  /** Index of the highlighted row, or −1 for none. */
  readonly cursor: number;
  /** Lines available, header included. */
  readonly height: number;
  readonly width: number;
  /** Column index shown as sorted, and its direction. */
  readonly sort?: { readonly column: number; readonly descending: boolean };
}

/**
 * A table that fits the terminal: columns laid out to the width (droppable ones dropped when
 * narrow), rows windowed around the cursor. Each row is one line of text, so large tables stay
 * cheap to re-render on every keypress.
 */
export function DataTable({ columns, rows, cursor, height, width, sort }: DataTableProps) {
  const layout = layoutColumns(columns, width - 2);
  const visible = Math.max(1, height - 1);
  const offset = scrollOffset(Math.max(0, cursor), rows.length, visible);
  const line = (cells: readonly string[], header = false): string =>
    layout
      .map(({ index, width: w }) => {
        const spec = columns[index];
        const mark = header && sort?.column === index ? (sort.descending ? '↓' : '↑') : '';
        return fitCell(`${(cells[index] ?? '').replace(/\n/g, ' ')}${mark}`, w, header ? 'left' : spec?.align ?? 'left');
      })
      .join(' ');
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{`  ${line(columns.map((c) => c.header), true)}`}</Tone>
      {rows.slice(offset, offset + visible).map((row, i) => {
        const selected = offset + i === cursor;
        return (
          <Tone key={row.key} tone={row.tone ?? 'plain'} inverse={selected}>
            {`${selected ? '›' : ' '} ${line(row.cells)}`}
          </Tone>
        );
      })}
    </Box>
  );
}
