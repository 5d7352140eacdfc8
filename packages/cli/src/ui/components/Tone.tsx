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

/**
 * Text in one of the theme's tones (no colour under NO_COLOR). Truncates to one line by default; a
 * line break inside one-line text (from a labeler id or slice name) shows as a space, or it would
 * split the line and push the screen down.
 */
export function Tone({ tone = 'plain', inverse = false, wrap = 'truncate-end', children }: ToneProps) {
  const { theme } = useAudit();
  return (
    <Text {...toneStyle(theme, tone)} inverse={inverse} wrap={wrap}>
      {wrap === 'truncate-end' && typeof children === 'string' ? children.replace(/\r\n|[\r\n]/g, ' ') : children}
    </Text>
  );
}
