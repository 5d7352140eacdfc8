import { describe, expect, it } from 'vitest';
import { themeFromEnv, toneStyle } from './theme.js';

describe('theme', () => {
  it('honours NO_COLOR (any non-empty value), FORCE_COLOR=0 and TERM=dumb', () => {
    // no-color.org: "when present and not an empty string (regardless of its value), prevents the addition of ANSI color"
    expect(themeFromEnv({}).color).toBe(true);
    expect(themeFromEnv({ NO_COLOR: '1' }).color).toBe(false);
    expect(themeFromEnv({ NO_COLOR: 'false' }).color).toBe(false);
    expect(themeFromEnv({ NO_COLOR: '' }).color).toBe(true);
    expect(themeFromEnv({ FORCE_COLOR: '0' }).color).toBe(false);
    expect(themeFromEnv({ TERM: 'dumb' }).color).toBe(false);
  });

  it('gives no colour without colour, keeping bold and dim', () => {
    expect(toneStyle({ color: false }, 'bad')).toEqual({ bold: true });
    expect(toneStyle({ color: false }, 'good')).toEqual({});
    expect(toneStyle({ color: false }, 'muted')).toEqual({ dimColor: true });
    expect(toneStyle({ color: true }, 'bad')).toEqual({ color: 'red', bold: true });
  });
});
