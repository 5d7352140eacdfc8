import { Box, useApp, useInput } from 'ink';
import { memo, useRef, useState, type ComponentType } from 'react';
import type { Capture } from './capture.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { KeyHints } from './components/KeyHints.js';
import { useAudit } from './hooks/use-audit.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { DriftScreen } from './screens/DriftScreen.js';
import { ItemsScreen } from './screens/ItemsScreen.js';
import { JudgeScreen } from './screens/JudgeScreen.js';
import { LabelersScreen } from './screens/LabelersScreen.js';
import { OverviewScreen } from './screens/OverviewScreen.js';
import type { ScreenProps } from './screens/screen-props.js';

// memo: switching screens re-renders the two whose props change, not all five.
const SCREENS: readonly { readonly name: string; readonly Screen: ComponentType<ScreenProps>; readonly ownSearch: boolean }[] = [
  { name: 'Overview', Screen: memo(OverviewScreen), ownSearch: false },
  { name: 'Labelers', Screen: memo(LabelersScreen), ownSearch: true },
  { name: 'Drift', Screen: memo(DriftScreen), ownSearch: false },
  { name: 'Judge', Screen: memo(JudgeScreen), ownSearch: false },
  { name: 'Items', Screen: memo(ItemsScreen), ownSearch: true },
];
const ITEMS = SCREENS.findIndex((s) => s.name === 'Items');
const never = (): boolean => false;

/**
 * The audit UI: a header with the screen tabs, the current screen, its key line. Global keys:
 * Tab/Shift-Tab and 1–5 switch screens, `?` help, `q` quit, `/` on a screen without its own search
 * opens the Items search. Every screen stays mounted (hidden when not current), so cursors and
 * drill-ins survive switching and a search can take keys at once; a screen loads its data only
 * from its first visit. The frame is one line shorter than the terminal, so
 * Ink redraws in place instead of clearing the screen.
 */
export function App() {
  const { exit } = useApp();
  const { source } = useAudit();
  const { columns, rows } = useTerminalSize();
  const [tab, setTabState] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<number>>(() => new Set([0]));
  const [help, setHelpState] = useState(false);
  // The key handler reads refs: keys that arrive before a re-render still see the latest state.
  const tabRef = useRef(0);
  const helpRef = useRef(false);
  const setHelp = (on: boolean): void => {
    helpRef.current = on;
    setHelpState(on);
  };
  const capture = useRef<Capture>({ current: false }).current;
  const isCurrent = useRef(SCREENS.map((_, i) => () => tabRef.current === i && !helpRef.current)).current;
  const [searchRequest, setSearchRequest] = useState(0);
  const go = (next: number): void => {
    const t = (next + SCREENS.length) % SCREENS.length;
    tabRef.current = t;
    setTabState(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  };
  useInput((input, key) => {
    if (capture.current) return;
    const tab = tabRef.current;
    if (helpRef.current) {
      if (input === 'q') exit();
      else setHelp(false);
      return;
    }
    if (input === 'q') exit();
    else if (input === '?') setHelp(true);
    else if (key.tab) go(tab + (key.shift ? -1 : 1));
    else if (/^[1-5]$/.test(input)) go(Number(input) - 1);
    else if (input === '/' && SCREENS[tab]?.ownSearch === false) {
      // Arm the capture now: the next key is search text even before the Items screen renders.
      capture.current = true;
      go(ITEMS);
      setSearchRequest((n) => n + 1);
    }
  });
  const bodyHeight = Math.max(4, rows - 3);
  return (
    <Box flexDirection="column" width={columns}>
      <Header goldSet={source.goldSet} tabs={SCREENS.map((s) => s.name)} active={tab} width={columns} />
      {help ? (
        <Box flexDirection="column" height={bodyHeight}>
          <HelpOverlay height={bodyHeight - 1} />
          <KeyHints hints={['any key closes help']} width={columns} />
        </Box>
      ) : null}
      {SCREENS.map(({ name, Screen }, i) => (
        <Box key={name} flexDirection="column" height={bodyHeight} display={i === tab && !help ? 'flex' : 'none'}>
          <Screen active={i === tab && !help} visited={visited.has(i)} isCurrent={isCurrent[i] ?? never} width={columns} height={bodyHeight} capture={capture} searchRequest={i === ITEMS ? searchRequest : 0} />
        </Box>
      ))}
    </Box>
  );
}
