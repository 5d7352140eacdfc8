import { ReportScreen } from '../components/ReportScreen.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import { driftLines } from '../views/drift-lines.js';
import type { ScreenProps } from './screen-props.js';

/** Gold against production: drift-check history and trend, slice mix shifts, coverage gaps with examples, stale gold slices. */
export function DriftScreen(props: ScreenProps) {
  const { source } = useAudit();
  const loaded = useResource('drift', () => source.drift());
  return <ReportScreen {...props} title="Drift: the gold set against recent production traffic" loadingLabel="reading drift checks" loaded={loaded} lines={driftLines} />;
}
