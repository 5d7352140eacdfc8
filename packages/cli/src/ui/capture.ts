/**
 * Whether typed keys belong to a text field (a search) rather than to the global shortcuts. A
 * mutable box, not React state: a key that arrives right after `/`, before React has re-rendered,
 * must already be read as text (or `/q` would quit).
 */
export interface Capture {
  current: boolean;
}
