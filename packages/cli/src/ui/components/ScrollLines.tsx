import { Box } from 'ink';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { LineList, type Line } from './LineList.js';

export interface ScrollLinesProps {
  readonly lines: readonly Line[];
  readonly active: boolean;
  readonly height: number;
  /** Enter on a line that names an item. */
  readonly onOpenItem?: (itemId: string) => void;
}

/** A read-only screen of lines moved through with the cursor keys; Enter opens a line's item. */
export function ScrollLines({ lines, active, height, onOpenItem }: ScrollLinesProps) {
  const { cursor } = useCursorKeys(lines.length, height - 1, active, (c) => {
    const id = lines[c]?.itemId;
    if (id !== undefined && onOpenItem !== undefined) onOpenItem(id);
  });
  return (
    <Box flexDirection="column" height={height}>
      <LineList lines={lines} cursor={cursor} height={height} />
    </Box>
  );
}
