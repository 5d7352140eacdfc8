import { Box } from 'ink';
import { useMemo } from 'react';
import { LineList } from '../components/LineList.js';
import { LoadState } from '../components/LoadState.js';
import type { ItemDetail } from '../data/item-detail.js';
import { useAudit } from '../hooks/use-audit.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useResource } from '../hooks/use-resource.js';
import { itemLines } from './item-lines.js';

export interface ItemDetailViewProps {
  readonly itemId: string;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
}

/** One item: its texts, consensus, every label ever recorded with batch, file, actor and guideline, judge scores. */
export function ItemDetailView({ itemId, active, width, height }: ItemDetailViewProps) {
  const { source } = useAudit();
  const detail = useResource(`item:${itemId}`, () => source.itemDetail(itemId));
  return (
    <LoadState loaded={detail} label={`reading item ${itemId}`}>
      {(d) => <Lines detail={d} active={active} width={width} height={height} />}
    </LoadState>
  );
}

function Lines({ detail, active, width, height }: { readonly detail: ItemDetail; readonly active: boolean; readonly width: number; readonly height: number }) {
  const lines = useMemo(() => itemLines(detail, width), [detail, width]);
  const { cursor } = useCursorKeys(lines.length, height - 1, active);
  return (
    <Box flexDirection="column" height={height}>
      <LineList lines={lines} cursor={cursor} height={height} />
    </Box>
  );
}
