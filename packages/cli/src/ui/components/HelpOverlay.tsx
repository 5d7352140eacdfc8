import { Box } from 'ink';
import { Tone } from './Tone.js';

const KEYS: readonly (readonly [string, string])[] = [
  ['Tab / Shift-Tab', 'next / previous screen (1–5 jump to one)'],
  ['↑ ↓  j k', 'move; PgUp/PgDn and g/G jump'],
  ['Enter', 'drill in: a labeler, an item'],
  ['Esc', 'back (or cancel a search)'],
  ['/', 'search: items by text, slice:NAME, labeler:ID'],
  ['s  r', 'sort the labelers table, reverse the order'],
  ['?', 'this help (any key closes it)'],
  ['q', 'quit'],
];

/** The key reference, shown in place of the screen. */
export function HelpOverlay({ height }: { readonly height: number }) {
  return (
    <Box flexDirection="column" height={height}>
      <Tone tone="title">Keys</Tone>
      {KEYS.map(([k, what]) => (
        <Box key={k}>
          <Box width={18} flexShrink={0}>
            <Tone tone="accent">{k}</Tone>
          </Box>
          <Tone>{what}</Tone>
        </Box>
      ))}
      <Tone> </Tone>
      <Tone tone="muted">Screens: Overview (health at a glance), Labelers (who labeled what, drill in),</Tone>
      <Tone tone="muted">Drift (gold vs production), Judge (agreement per score band), Items (search, history).</Tone>
      <Tone tone="muted">Every number comes from the store; panels without data say which command makes it.</Tone>
    </Box>
  );
}
