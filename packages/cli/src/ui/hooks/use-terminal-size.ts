import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { useAudit } from './use-audit.js';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The terminal's size, updated on resize (Ink re-renders; screens re-lay out); a fixed size in tests. */
export function useTerminalSize(): TerminalSize {
  const { size } = useAudit();
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns > 0 ? stdout.columns : 80, rows: stdout.rows > 0 ? stdout.rows : 24 });
  const [live, setLive] = useState<TerminalSize>(read);
  useEffect(() => {
    if (size !== undefined) return;
    const onResize = (): void => setLive(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, size]);
  return size ?? live;
}
