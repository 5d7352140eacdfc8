import { useMemo } from 'react';
import type { ProvenanceReport } from '@touchstone/core/schemas';
import { LoadState } from '../components/LoadState.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { useAudit } from '../hooks/use-audit.js';
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

/**
 * One labeler: leniency by slice, timeline, fatigue, guidelines, the items whose consensus depends
 * on them; `touchstone skew`'s flags for them once the skew computation is done.
 */
export function LabelerDetailView({ labeler, active, width, height, onOpenItem }: LabelerDetailViewProps) {
  const { source } = useAudit();
  const detail = useResource(`labeler:${labeler.labeler_id}`, () => source.labelerDetail(labeler.labeler_id));
  const skew = useResource('skew', () => source.skew());
  const lines = useMemo(() => {
    if (detail.state !== 'ok') return [];
    const flags = skew.state === 'ok' && skew.value.available ? skew.value.value.flags.filter((f) => f.labeler_id === labeler.labeler_id) : skew.state === 'loading' ? 'loading' : null;
    return labelerLines(labeler, detail.value, width, flags);
  }, [labeler, detail, skew, width]);
  return (
    <LoadState loaded={detail} label={`reading ${labeler.labeler_id}'s labels`}>
      {() => <ScrollLines lines={lines} active={active} height={height} onOpenItem={onOpenItem} />}
    </LoadState>
  );
}
