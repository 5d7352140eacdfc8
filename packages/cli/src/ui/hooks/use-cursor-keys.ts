import { useInput } from 'ink';
import { useRef, useState } from 'react';
import { moveCursor } from '../format/scroll-window.js';

export interface CursorKeys {
  readonly cursor: number;
  readonly setCursor: (cursor: number) => void;
}

/**
 * A list cursor driven by ↑/↓ and j/k (one row), PgUp/PgDn (a page), g/G and Home/End (ends);
 * Enter calls `onEnter` with the cursor. Keys are read only while `active`. The cursor the handler
 * moves is a ref, so keys pressed faster than re-renders all count.
 */
export function useCursorKeys(total: number, page: number, active: boolean, onEnter?: (cursor: number) => void): CursorKeys {
  const [raw, setRaw] = useState(0);
  const ref = useRef(0);
  const set = (c: number): void => {
    ref.current = c;
    setRaw(c);
  };
  ref.current = moveCursor(ref.current, 0, total);
  useInput(
    (input, key) => {
      const cursor = ref.current;
      const step = (d: number): void => set(moveCursor(cursor, d, total));
      if (key.downArrow) step(1);
      else if (key.upArrow) step(-1);
      // Keys typed faster than the terminal is read arrive as one chunk ("jjj"): count them all.
      else if (/^[jk]+$/.test(input)) step([...input].reduce((d, c) => d + (c === 'j' ? 1 : -1), 0));
      else if (key.pageDown || input === ' ') step(Math.max(1, page));
      else if (key.pageUp) step(-Math.max(1, page));
      else if (key.home || input === 'g') set(0);
      else if (key.end || input === 'G') set(Math.max(0, total - 1));
      else if (key.return && onEnter !== undefined && total > 0) onEnter(cursor);
    },
    { isActive: active },
  );
  return { cursor: moveCursor(raw, 0, total), setCursor: set };
}
