import { fitCell } from '../format/layout-columns.js';
import { Tone } from './Tone.js';

export interface KeyHintsProps {
  readonly hints: readonly string[];
  readonly width: number;
}

const GLOBAL = ['Tab screens', '? help', 'q quit'];

/** The bottom line: this screen's keys, then the global ones, cut to the width. */
export function KeyHints({ hints, width }: KeyHintsProps) {
  return <Tone tone="muted">{fitCell([...hints, ...GLOBAL].join(' · '), Math.max(1, width - 1))}</Tone>;
}
