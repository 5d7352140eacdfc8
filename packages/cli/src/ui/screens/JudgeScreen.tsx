import { Box } from 'ink';
import { CapabilityView } from '../components/CapabilityView.js';
import { KeyHints } from '../components/KeyHints.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { Tone } from '../components/Tone.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import { judgeLines } from '../views/judge-lines.js';
import type { ScreenProps } from './screen-props.js';

/** The LLM judge against human consensus: agreement per score band with intervals, verdicts, bias; both band views. */
export function JudgeScreen({ active, visited, width, height }: ScreenProps) {
  const { source } = useAudit();
  const judge = useResource('judge', () => source.judge());
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={height - 1}>
        <Tone tone="title">Judge: agreement with human consensus per score band</Tone>
        {visited ? (
          <CapabilityView loaded={judge} label="calibrating the judge">
            {(j) => <ScrollLines lines={judgeLines(j, width)} active={active} height={height - 2} />}
          </CapabilityView>
        ) : null}
      </Box>
      <KeyHints hints={['↑↓ scroll']} width={width} />
    </Box>
  );
}
