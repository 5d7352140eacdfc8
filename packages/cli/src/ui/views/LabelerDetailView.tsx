import { Box } from 'ink';
import { useMemo } from 'react';
import type { ProvenanceReport } from '@touchstone/core/schemas';
import { LineList } from '../components/LineList.js';
import { LoadState } from '../components/LoadState.js';
import type { LabelerDetail } from '../data/labeler-detail.js';
import { useAudit } from '../hooks/use-audit.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useResource } from '../hooks/use-resource.js';
import { labelerLines } from './labeler-lines.js';

type LabelerRow = ProvenanceReport['labelers'][number];

export interface LabelerDetailViewProps {
  readonly labeler: LabelerRow;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly onOpenItem: (itemId: string) => void;
}

/** One labeler: leniency by slice, timeline, fatigue, guidelines, the items whose consensus depends on them. */
export function LabelerDetailView({ labeler, active, width, height, onOpenItem }: LabelerDetailViewProps) {
  const { source } = useAudit();
  const detail = useResource(`labeler:${labeler.labeler_id}`, () => source.labelerDetail(labeler.labeler_id));
  return (
    <LoadState loaded={detail} label={`reading ${labeler.labeler_id}'s labels`}>
      {(d) => <Lines labeler={labeler} detail={d} active={active} width={width} height={height} onOpenItem={onOpenItem} />}
    </LoadState>
  );
}

function Lines({ labeler, detail, active, width, height, onOpenItem }: Omit<LabelerDetailViewProps, 'labeler'> & { readonly labeler: LabelerRow; readonly detail: LabelerDetail }) {
  const lines = useMemo(() => labelerLines(labeler, detail, width), [labeler, detail, width]);
  const { cursor } = useCursorKeys(lines.length, height - 1, active, (c) => {
    const id = lines[c]?.itemId;
    if (id !== undefined) onOpenItem(id);
  });
  return (
    <Box flexDirection="column" height={height}>
      <LineList lines={lines} cursor={cursor} height={height} />
    </Box>
  );
}
