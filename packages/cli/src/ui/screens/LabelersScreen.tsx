import { Box, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { ProvenanceReport } from '@touchstone/core/schemas';
import { DataTable } from '../components/DataTable.js';
import { KeyHints } from '../components/KeyHints.js';
import { LoadState } from '../components/LoadState.js';
import { SearchLine } from '../components/SearchLine.js';
import { Tone } from '../components/Tone.js';
import { useAudit } from '../hooks/use-audit.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useResource } from '../hooks/use-resource.js';
import { useSearchInput } from '../hooks/use-search-input.js';
import { ItemDetailView } from '../views/ItemDetailView.js';
import { LabelerDetailView } from '../views/LabelerDetailView.js';
import { LABELER_COLUMNS, LABELER_SORTS, labelerTableRows, sortLabelers } from '../views/labeler-table.js';
import type { ScreenProps } from './screen-props.js';

type View = { readonly kind: 'labeler'; readonly id: string } | { readonly kind: 'item'; readonly id: string };

/** The labelers table (sortable, filterable); Enter opens a labeler, and from there an item. */
export function LabelersScreen(props: ScreenProps) {
  return <Box flexDirection="column" height={props.height}>{props.visited ? <Loaded {...props} /> : null}</Box>;
}

function Loaded(props: ScreenProps) {
  const { source } = useAudit();
  const prov = useResource('provenance', () => source.provenance());
  return (
    <LoadState loaded={prov} label="reading provenance">
      {(p) => <Labelers {...props} p={p} />}
    </LoadState>
  );
}

function Labelers({ p, active, isCurrent, width, height, capture }: ScreenProps & { readonly p: ProvenanceReport }) {
  const { source } = useAudit();
  const [stack, setStackState] = useState<readonly View[]>([]);
  const depth = useRef(0);
  const setStack = (next: (s: readonly View[]) => readonly View[]): void =>
    setStackState((s) => {
      const n = next(s);
      depth.current = n.length;
      return n;
    });
  const [sort, setSort] = useState(0);
  const [descending, setDescending] = useState(true);
  const top = stack[stack.length - 1];
  const listActive = active && top === undefined;
  const search = useSearchInput(() => isCurrent() && depth.current === 0, capture);
  const skewLoaded = useResource('skew', () => source.skew());
  const skew = useMemo(() => (skewLoaded.state === 'loading' ? 'loading' : skewLoaded.state === 'ok' && skewLoaded.value.available ? new Map(skewLoaded.value.value.labelers.map((l) => [l.labeler_id, l])) : null), [skewLoaded]);
  const rows = useMemo(() => sortLabelers(p.labelers, sort, descending, search.query, skew === 'loading' ? null : skew), [p.labelers, sort, descending, search.query, skew]);
  const tableRows = useMemo(() => labelerTableRows(rows, skew), [rows, skew]);
  const tableHeight = height - 2;
  const { cursor } = useCursorKeys(rows.length, tableHeight - 1, listActive && !search.typing, (c) => {
    const l = rows[c];
    if (l !== undefined) setStack(() => [{ kind: 'labeler', id: l.labeler_id }]);
  });
  useInput(
    (input, key) => {
      if (key.escape && top !== undefined) setStack((s) => s.slice(0, -1));
      else if (top === undefined && !search.typing && input === 's') setSort((s) => (s + 1) % LABELER_SORTS.length);
      else if (top === undefined && !search.typing && input === 'r') setDescending((d) => !d);
    },
    { isActive: active },
  );
  const labeler = p.labelers.find((l) => l.labeler_id === (stack[0]?.id ?? ''));
  if (top !== undefined && labeler !== undefined) {
    const crumb = top.kind === 'item' ? `Labelers › ${labeler.labeler_id} › ${top.id}` : `Labelers › ${labeler.labeler_id}`;
    // Distinct keys: the detail and the list never share Ink nodes (a reused Box kept display:none).
    return (
      <Box key="detail" flexDirection="column" height={height}>
        <Tone tone="muted">{crumb}</Tone>
        {/* The labeler view stays mounted under an opened item, so Esc returns to the same line. */}
        <Box flexDirection="column" height={height - 2} display={top.kind === 'labeler' ? 'flex' : 'none'}>
          <LabelerDetailView labeler={labeler} active={active && top.kind === 'labeler'} width={width} height={height - 2} onOpenItem={(id) => setStack((s) => [...s, { kind: 'item', id }])} />
        </Box>
        {top.kind === 'item' ? <ItemDetailView itemId={top.id} active={active} width={width} height={height - 2} /> : null}
        <KeyHints hints={top.kind === 'item' ? ['↑↓ scroll', 'Esc back'] : ['↑↓ move', 'Enter open item', 'Esc back']} width={width} />
      </Box>
    );
  }
  return (
    <Box key="list" flexDirection="column" height={height}>
      <SearchLine query={search.query} typing={search.typing} placeholder="filter labelers" status={`${rows.length} of ${p.labelers.length} labelers · sorted by ${LABELER_SORTS[sort]?.name ?? ''}${descending ? ' ↓' : ' ↑'}`} />
      <Box flexDirection="column" height={tableHeight}>
        <DataTable columns={LABELER_COLUMNS} rows={tableRows} cursor={cursor} height={tableHeight} width={width} sort={{ column: LABELER_SORTS[sort]?.column ?? 1, descending }} />
      </Box>
      <KeyHints hints={search.typing ? ['type to filter', 'Enter done', 'Esc clear'] : ['↑↓ move', 'Enter open', 's sort', 'r reverse', '/ filter']} width={width} />
    </Box>
  );
}
