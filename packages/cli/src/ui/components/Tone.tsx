import { Text } from 'ink';
import type { ReactNode } from 'react';
import { useAudit } from '../hooks/use-audit.js';
import { toneStyle, type Tone as ToneName } from '../theme.js';

export interface ToneProps {
  readonly tone?: ToneName;
  readonly inverse?: boolean;
  readonly wrap?: 'wrap' | 'truncate-end';
  readonly children?: ReactNode;
}

/** Text in one of the theme's tones (no colour under NO_COLOR). Truncates to one line by default. */
export function Tone({ tone = 'plain', inverse = false, wrap = 'truncate-end', children }: ToneProps) {
  const { theme } = useAudit();
  return (
    <Text {...toneStyle(theme, tone)} inverse={inverse} wrap={wrap}>
      {children}
    </Text>
  );
}
