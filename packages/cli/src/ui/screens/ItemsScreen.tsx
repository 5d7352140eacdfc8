import { Box, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '../components/DataTable.js';
import { KeyHints } from '../components/KeyHints.js';
import { LoadState } from '../components/LoadState.js';
import { SearchLine } from '../components/SearchLine.js';
import { Tone } from '../components/Tone.js';
import type { ItemSearchResult } from '../data/item-search.js';
import { useAudit } from '../hooks/use-audit.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useResource } from '../hooks/use-resource.js';
import { useSearchInput } from '../hooks/use-search-input.js';
import { ITEM_COLUMNS, itemTableRows } from '../views/item-table.js';
import { ItemDetailView } from '../views/ItemDetailView.js';
import type { ScreenProps } from './screen-props.js';

const DEBOUNCE_MS = 120;

/** Items: search and filter (`/`), Enter opens an item with its full label history and provenance. */
export function ItemsScreen({ active, visited, isCurrent, width, height, capture, searchRequest }: ScreenProps) {
  const [open, setOpenState] = useState<string | undefined>(undefined);
  const opened = useRef(false);
  const setOpen = (id: string | undefined): void => {
    opened.current = id !== undefined;
    setOpenState(id);
  };
  const search = useSearchInput(() => isCurrent() && !opened.current, capture);
  const { start } = search;
  useEffect(() => {
    if (searchRequest > 0) start();
    // Only a new request opens the search; `start` is a fresh closure each render.
  }, [searchRequest]);
  // The query sent to the store trails the typing by a moment, so fast typing is not held up by queries.
  const [settled, setSettled] = useState(search.query);
  useEffect(() => {
    const t = setTimeout(() => setSettled(search.query), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [search.query]);
  useInput(
    (_input, key) => {
      if (key.escape && open !== undefined) setOpen(undefined);
    },
    { isActive: active },
  );
  if (open !== undefined) {
    return (
      <Box key="detail" flexDirection="column" height={height}>
        <Tone tone="muted">{`Items › ${open}`}</Tone>
        <ItemDetailView itemId={open} active={active} width={width} height={height - 2} />
        <KeyHints hints={['↑↓ scroll', 'Esc back']} width={width} />
      </Box>
    );
  }
  return (
    <Box key="list" flexDirection="column" height={height}>
      {visited ? <Results query={search.query} settled={settled} typing={search.typing} active={active && !search.typing} width={width} height={height - 1} onOpen={setOpen} /> : null}
      <KeyHints hints={search.typing ? ['type to search', 'Enter done', 'Esc clear'] : ['↑↓ move', 'Enter open', '/ search']} width={width} />
    </Box>
  );
}

interface ResultsProps {
  readonly query: string;
  readonly settled: string;
  readonly typing: boolean;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly onOpen: (id: string) => void;
}

function Results({ query, settled, typing, active, width, height, onOpen }: ResultsProps) {
  const { source } = useAudit();
  const result = useResource(`items:${settled}`, () => source.searchItems(settled));
  // While a new search runs, the previous results stay on screen (no flicker while typing).
  const lastOk = useRef<ItemSearchResult | undefined>(undefined);
  if (result.state === 'ok') lastOk.current = result.value;
  const shown = result.state === 'ok' ? result.value : lastOk.current;
  const status = result.state === 'ok' ? matchStatus(result.value) : result.state === 'loading' ? 'searching…' : 'search failed';
  return (
    <Box flexDirection="column" height={height}>
      <SearchLine query={query} typing={typing} placeholder="search items: text, slice:NAME, labeler:ID" status={status} />
      <Box flexDirection="column" height={height - 1}>
        {shown === undefined || result.state === 'error' ? (
          <LoadState loaded={result} label="searching items">
            {() => null}
          </LoadState>
        ) : (
          <ItemTable key={JSON.stringify(shown.query)} result={shown} active={active} width={width} height={height - 1} onOpen={onOpen} />
        )}
      </Box>
    </Box>
  );
}

function matchStatus(r: ItemSearchResult): string {
  return r.n_matches > r.items.length ? `${r.n_matches} items match (first ${r.items.length} shown)` : `${r.n_matches} items match`;
}

function ItemTable({ result, active, width, height, onOpen }: { readonly result: ItemSearchResult; readonly active: boolean; readonly width: number; readonly height: number; readonly onOpen: (id: string) => void }) {
  const { cursor } = useCursorKeys(result.items.length, height - 1, active, (c) => {
    const item = result.items[c];
    if (item !== undefined) onOpen(item.item_id);
  });
  if (result.items.length === 0) return <Tone tone="muted">no items match</Tone>;
  return <DataTable columns={ITEM_COLUMNS} rows={itemTableRows(result.items)} cursor={cursor} height={height} width={width} />;
}
