import { useInput } from 'ink';
import { useRef, useState } from 'react';
import { stripControl } from '../../sanitize/strip-control.js';
import type { Capture } from '../capture.js';

export interface SearchInput {
  readonly query: string;
  readonly typing: boolean;
  readonly start: () => void;
}

/**
 * A `/` search field: `/` starts a new search (while `isActive()`); printable keys edit the query,
 * Backspace deletes, Enter keeps the query and returns to the list, Esc clears it. While typing,
 * the App's global keys are off (`capture`), so q and Tab can be typed. The handler stays attached
 * and reads refs, so keys typed (or pasted: `/refund` arrives as one input) faster than React
 * re-renders are not lost.
 */
export function useSearchInput(isActive: () => boolean, capture: Capture, initial = ''): SearchInput {
  const [query, setQueryState] = useState(initial);
  const [typing, setTypingState] = useState(false);
  const typingRef = useRef(false);
  const queryRef = useRef(initial);
  const setTyping = (on: boolean): void => {
    typingRef.current = on;
    capture.current = on;
    setTypingState(on);
  };
  const setQuery = (q: string): void => {
    queryRef.current = q;
    setQueryState(q);
  };
  useInput(
    (keyInput, key) => {
      if (!isActive()) return;
      let input = keyInput;
      if (!typingRef.current) {
        if (input.startsWith('/')) {
          setQuery('');
          setTyping(true);
          input = input.slice(1);
          if (input === '') return;
        } else if (capture.current) {
          // Armed by the App (`/` pressed on another screen): this key is already text.
          setQuery('');
          setTyping(true);
        } else return;
      }
      if (key.return) setTyping(false);
      else if (key.escape) {
        setQuery('');
        setTyping(false);
      } else if (key.backspace || key.delete) setQuery([...queryRef.current].slice(0, -1).join(''));
      else if (!key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab && input !== '') setQuery(queryRef.current + stripControl(input));
    },
  );
  return {
    query,
    typing,
    start: () => {
      if (!typingRef.current) setQuery('');
      setTyping(true);
    },
  };
}
