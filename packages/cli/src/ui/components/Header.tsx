import { Box } from 'ink';
import { displayWidth } from '../format/display-width.js';
import { Tone } from './Tone.js';

export interface HeaderProps {
  readonly goldSet: string;
  readonly tabs: readonly string[];
  readonly active: number;
  readonly width: number;
}

/** Title and screen tabs on one line, a rule under them; the title shortens first on narrow terminals. */
export function Header({ goldSet, tabs, active, width }: HeaderProps) {
  const tabText = tabs.map((t, i) => ` ${i + 1} ${t} `);
  const tabsWidth = tabText.reduce((s, t) => s + displayWidth(t), 0);
  const room = width - tabsWidth - 1;
  const full = `Touchstone audit · ${goldSet}`;
  const title = displayWidth(full) <= room ? full : displayWidth(goldSet) <= room ? goldSet : '';
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        <Box flexGrow={1}>
          <Tone tone="title">{title}</Tone>
        </Box>
        {tabText.map((t, i) => (
          <Tone key={t} tone={i === active ? 'title' : 'muted'} inverse={i === active}>
            {i === active ? t.replace(/^ (.*) $/, '[$1]') : t}
          </Tone>
        ))}
      </Box>
      <Tone tone="muted">{'─'.repeat(Math.max(0, width - 1))}</Tone>
    </Box>
  );
}
