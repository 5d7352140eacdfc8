import type { Capture } from '../capture.js';

/** What the App hands every screen. */
export interface ScreenProps {
  /** The screen is shown and receives keys. */
  readonly active: boolean;
  readonly width: number;
  /** Lines available to the screen, its key-hint line included. */
  readonly height: number;
  /** Set while a screen takes typed text (a search): the global keys (q, Tab, ?) are off meanwhile. */
  readonly capture: Capture;
  /** Changes when `/` pressed elsewhere asks this screen to open its search. */
  readonly searchRequest: number;
  /** The screen has been shown at least once: it loads its data from then on (not at start-up). */
  readonly visited: boolean;
  /** Whether the screen is current right now (read from refs, ahead of the next render). */
  readonly isCurrent: () => boolean;
}
