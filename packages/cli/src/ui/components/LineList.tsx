import { Box } from 'ink';
import { scrollOffset } from '../format/scroll-window.js';
import type { Tone as ToneName } from '../theme.js';
import { Tone } from './Tone.js';

export interface Line {
  readonly key: string;
  readonly text: string;
  readonly tone?: ToneName;
  /** An item id Enter opens from this line. */
  readonly itemId?: string;
}

export interface LineListProps {
  readonly lines: readonly Line[];
  readonly cursor: number;
  readonly height: number;
}

/** A scrolling column of lines with a cursor (drill-in screens); lines that open something show the cursor. */
export function LineList({ lines, cursor, height }: LineListProps) {
  const offset = scrollOffset(cursor, lines.length, height);
  return (
    <Box flexDirection="column">
      {lines.slice(offset, offset + height).map((l, i) => {
        const selected = offset + i === cursor;
        return (
          <Tone key={l.key} tone={l.tone ?? 'plain'} inverse={selected && l.itemId !== undefined}>
            {`${selected ? '›' : ' '} ${l.text.replace(/\n/g, ' ')}`}
          </Tone>
        );
      })}
    </Box>
  );
}
