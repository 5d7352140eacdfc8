import { Box } from 'ink';
import { CapabilityView } from '../components/CapabilityView.js';
import { KeyHints } from '../components/KeyHints.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { Tone } from '../components/Tone.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import { driftLines } from '../views/drift-lines.js';
import type { ScreenProps } from './screen-props.js';

/** Gold against production: drift-check history and trend, slice mix shifts, coverage gaps with examples, stale gold slices. */
export function DriftScreen({ active, visited, width, height }: ScreenProps) {
  const { source } = useAudit();
  const drift = useResource('drift', () => source.drift());
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={height - 1}>
        <Tone tone="title">Drift: the gold set against recent production traffic</Tone>
        {visited ? (
          <CapabilityView loaded={drift} label="reading drift checks">
            {(d) => <ScrollLines lines={driftLines(d, width)} active={active} height={height - 2} />}
          </CapabilityView>
        ) : null}
      </Box>
      <KeyHints hints={['↑↓ scroll']} width={width} />
    </Box>
  );
}
