import { Box } from 'ink';
import { CapabilityView } from '../components/CapabilityView.js';
import { KeyHints } from '../components/KeyHints.js';
import { Tone } from '../components/Tone.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import type { ScreenProps } from './screen-props.js';

/** Gold against production: drift-check history and trend, slice mix shifts, coverage gaps, stale gold slices. */
export function DriftScreen({ width, height }: ScreenProps) {
  const { source } = useAudit();
  const drift = useResource('drift', () => source.drift());
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" flexGrow={1}>
        <Tone tone="title">Drift: gold set against recent production traffic</Tone>
        <CapabilityView loaded={drift} label="reading drift checks">
          {() => null}
        </CapabilityView>
      </Box>
      <KeyHints hints={[]} width={width} />
    </Box>
  );
}
