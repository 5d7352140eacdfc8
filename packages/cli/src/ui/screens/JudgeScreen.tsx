import { ReportScreen } from '../components/ReportScreen.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import { judgeLines } from '../views/judge-lines.js';
import type { ScreenProps } from './screen-props.js';

/** The LLM judge against human consensus: agreement per score band with intervals, verdicts, bias; both band views. */
export function JudgeScreen(props: ScreenProps) {
  const { source } = useAudit();
  const loaded = useResource('judge', () => source.judge());
  return <ReportScreen {...props} title="Judge: agreement with human consensus per score band" loadingLabel="calibrating the judge" loaded={loaded} lines={judgeLines} />;
}
