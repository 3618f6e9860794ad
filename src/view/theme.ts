/**
 * Styles by meaning, not by colour. With NO_COLOR (or colour off) every style falls back to
 * attributes that need no colour (bold, dim, inverse), so the screen still reads. Only the 8
 * basic colours are used, so 16-colour terminals show everything. Built once per run from the
 * config file's overrides and passed in options: nothing here is kept between calls.
 */
import type { StyleName, StyleOverride } from './style-names.js';

/** What Ink's <Text> takes. */
export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export type Theme = Readonly<Record<StyleName, Style>>;

const COLOURED: Theme = {
  plain: {},
  heading: { bold: true, color: 'cyan' },
  label: { bold: true },
  old: { color: 'red' },
  new: { color: 'green' },
  dim: { dimColor: true },
  bad: { color: 'red', bold: true },
  selected: { inverse: true },
  failure: { color: 'red' },
  interrupted: { color: 'yellow' },
  writeBack: { dimColor: true },
  activeTab: { inverse: true, bold: true },
  tab: {},
  hint: { dimColor: true },
  header: { bold: true, underline: true },
  warning: { color: 'yellow', bold: true },
  chip: { inverse: true, color: 'cyan' },
  match: { color: 'yellow', bold: true, underline: true },
};

const MONOCHROME: Theme = {
  ...(Object.fromEntries(Object.entries(COLOURED).map(([name, style]) => [name, { ...style, color: undefined }])) as Record<StyleName, Style>),
  failure: { bold: true },
  interrupted: { underline: true },
  old: {},
  new: { bold: true },
};

const convert = (o: StyleOverride): Style => ({
  ...(o.color !== undefined ? { color: o.color } : {}),
  ...(o.bold !== undefined ? { bold: o.bold } : {}),
  ...(o.dim !== undefined ? { dimColor: o.dim } : {}),
  ...(o.inverse !== undefined ? { inverse: o.inverse } : {}),
  ...(o.underline !== undefined ? { underline: o.underline } : {}),
});

/** The styles in force: the defaults (coloured or not), each named style changed field by field (colour dropped without colour). */
export function buildTheme(color: boolean, overrides: Partial<Record<StyleName, StyleOverride>> = {}): Theme {
  const base = color ? COLOURED : MONOCHROME;
  const theme: Record<StyleName, Style> = { ...base };
  for (const [name, override] of Object.entries(overrides) as Array<[StyleName, StyleOverride]>) {
    theme[name] = { ...base[name], ...convert(override), ...(color ? {} : { color: undefined }) };
  }
  return theme;
}
