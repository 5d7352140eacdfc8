import { useMemo } from 'react';
import { LoadState } from '../components/LoadState.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { useAudit } from '../hooks/use-audit.js';
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
  const lines = useMemo(() => (detail.state === 'ok' ? itemLines(detail.value, width) : []), [detail, width]);
  return (
    <LoadState loaded={detail} label={`reading item ${itemId}`}>
      {() => <ScrollLines lines={lines} active={active} height={height} />}
    </LoadState>
  );
}
