/** How the audit UI styles text. Colour is off under NO_COLOR (any non-empty value), FORCE_COLOR=0 and TERM=dumb. */
export interface Theme {
  readonly color: boolean;
}

export type Tone = 'plain' | 'title' | 'accent' | 'good' | 'bad' | 'warn' | 'muted';

export function themeFromEnv(env: Readonly<Record<string, string | undefined>>): Theme {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return { color: !noColor && env['FORCE_COLOR'] !== '0' && env['TERM'] !== 'dumb' };
}

export interface ToneStyle {
  readonly color?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
}

const COLORS: Record<Tone, string | undefined> = { plain: undefined, title: 'cyan', accent: 'cyan', good: 'green', bad: 'red', warn: 'yellow', muted: undefined };

/**
 * Text props for a tone. Without colour, meaning is carried by words and symbols (✓, ✗, !) that
 * the screens always print; bold and dim are attributes, not colours, and stay.
 */
export function toneStyle(theme: Theme, tone: Tone): ToneStyle {
  const color = theme.color ? COLORS[tone] : undefined;
  return {
    ...(color === undefined ? {} : { color }),
    ...(tone === 'title' || tone === 'bad' ? { bold: true } : {}),
    ...(tone === 'muted' ? { dimColor: true } : {}),
  };
}
