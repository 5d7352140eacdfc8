import { useEffect, useState } from 'react';
import { formatElapsed } from '../../progress/format-progress-line.js';
import { Tone } from './Tone.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface SpinnerProps {
  readonly label: string;
  readonly startedAt: number;
}

/** A spinner with the time since the work started; it animates on a timer, so a frozen screen would show. */
export function Spinner({ label, startedAt }: SpinnerProps) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => f + 1), 120);
    return () => clearInterval(timer);
  }, []);
  return (
    <Tone tone="accent">
      {FRAMES[frame % FRAMES.length]} {label} {formatElapsed(Math.max(0, Date.now() - startedAt))}
    </Tone>
  );
}
