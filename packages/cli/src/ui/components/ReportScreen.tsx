import { Box } from 'ink';
import type { Capability } from '../data/capability.js';
import type { Loaded } from '../resource-cache.js';
import type { ScreenProps } from '../screens/screen-props.js';
import { CapabilityView } from './CapabilityView.js';
import { KeyHints } from './KeyHints.js';
import type { Line } from './LineList.js';
import { ScrollLines } from './ScrollLines.js';
import { Tone } from './Tone.js';

export interface ReportScreenProps<T> extends ScreenProps {
  readonly title: string;
  /** What the spinner says while the report loads. */
  readonly loadingLabel: string;
  readonly loaded: Loaded<Capability<T>>;
  /** The report as lines that fit `width`. */
  readonly lines: (value: T, width: number) => Line[];
}

/** A screen that shows one report, loaded when the screen is first visited, as scrollable lines. */
export function ReportScreen<T>({ active, visited, width, height, title, loadingLabel, loaded, lines }: ReportScreenProps<T>) {
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={height - 1}>
        <Tone tone="title">{title}</Tone>
        {visited ? (
          <CapabilityView loaded={loaded} label={loadingLabel}>
            {(value) => <ScrollLines lines={lines(value, width)} active={active} height={height - 2} />}
          </CapabilityView>
        ) : null}
      </Box>
      <KeyHints hints={['↑↓ scroll']} width={width} />
    </Box>
  );
}
