import { Box } from 'ink';
import type { ReactNode } from 'react';
import { Tone } from './Tone.js';

export interface FieldProps {
  readonly name: string;
  readonly children: ReactNode;
}

/** One labelled row of a summary: a fixed-width name, then the content. */
export function Field({ name, children }: FieldProps) {
  return (
    <Box>
      <Box width={12} flexShrink={0}>
        <Tone tone="muted">{name}</Tone>
      </Box>
      <Box flexGrow={1} flexDirection="column">
        {children}
      </Box>
    </Box>
  );
}
