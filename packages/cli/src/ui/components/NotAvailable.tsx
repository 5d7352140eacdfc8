import { Box } from 'ink';
import { Tone } from './Tone.js';

export interface NotAvailableProps {
  readonly command: string;
  readonly reason?: string;
}

/** What a panel says when the data behind it does not exist: never made-up numbers. */
export function NotAvailable({ command, reason }: NotAvailableProps) {
  return (
    <Box flexDirection="column">
      <Tone tone="warn">not available: run {command}</Tone>
      {reason === undefined ? null : <Tone tone="muted">{reason}</Tone>}
    </Box>
  );
}
