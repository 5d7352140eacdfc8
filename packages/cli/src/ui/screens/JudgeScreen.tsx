import { Box } from 'ink';
import { CapabilityView } from '../components/CapabilityView.js';
import { KeyHints } from '../components/KeyHints.js';
import { Tone } from '../components/Tone.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import type { ScreenProps } from './screen-props.js';

/** The LLM judge against human consensus: agreement per score band with intervals, verdicts, bias. */
export function JudgeScreen({ width, height }: ScreenProps) {
  const { source } = useAudit();
  const judge = useResource('judge', () => source.judge());
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" flexGrow={1}>
        <Tone tone="title">Judge: agreement with human consensus per score band</Tone>
        <CapabilityView loaded={judge} label="calibrating the judge">
          {() => null}
        </CapabilityView>
      </Box>
      <KeyHints hints={[]} width={width} />
    </Box>
  );
}
