import { Tone } from './Tone.js';

export interface SearchLineProps {
  readonly query: string;
  readonly typing: boolean;
  readonly status: string;
  readonly placeholder: string;
}

/** The `/` search line: the query with a cursor while typing, and what it matched. */
export function SearchLine({ query, typing, status, placeholder }: SearchLineProps) {
  if (!typing && query === '') return <Tone tone="muted">{`/ ${placeholder} · ${status}`}</Tone>;
  return <Tone tone={typing ? 'accent' : 'plain'}>{`/ ${query}${typing ? '█' : ''}  ${status}`}</Tone>;
}
