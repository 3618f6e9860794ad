/**
 * The names of the explorer's styles (by meaning, not colour), in src/ so the config file can be
 * checked without importing components/. view/theme.ts styles exactly these names
 * (test/unit/config.test.ts checks each has a style).
 */
export const STYLE_NAMES = [
  'plain',
  'heading',
  'label',
  'old',
  'new',
  'dim',
  'bad',
  'selected',
  'failure',
  'interrupted',
  'writeBack',
  'activeTab',
  'tab',
  'hint',
  'header',
  'warning',
  'chip',
  'match',
] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

/** The colours a theme may use: the 8 basic ones (every 16-colour terminal has them) and gray. */
export const THEME_COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray'] as const;
export type ThemeColour = (typeof THEME_COLOURS)[number];

/** A config file's change to one style (every field optional). */
export interface StyleOverride {
  color?: ThemeColour;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}
