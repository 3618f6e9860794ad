/**
 * Styles by meaning, not by colour. With NO_COLOR (or colour off) every tone falls back to
 * attributes that need no colour (bold, dim, inverse), so the screen still reads. Only the 8
 * basic colours are used, so 16-colour terminals show everything.
 */
import type { Tone } from '../src/view/details.js';

export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

import type { StyleName } from '../src/view/style-names.js';
import type { StyleOverride } from '../src/config/config-types.js';

/** The style names are listed in src/ (the config file is checked against them); every one has a style here. */
export type Role = StyleName & (Tone | 'selected' | 'failure' | 'writeBack' | 'activeTab' | 'tab' | 'hint' | 'header' | 'warning' | 'chip' | 'match');

let COLOURED: Record<Role, Style> = {
  plain: {},
  heading: { bold: true, color: 'cyan' },
  label: { bold: true },
  old: { color: 'red' },
  new: { color: 'green' },
  dim: { dimColor: true },
  bad: { color: 'red', bold: true },
  selected: { inverse: true },
  failure: { color: 'red' },
  writeBack: { dimColor: true },
  activeTab: { inverse: true, bold: true },
  tab: {},
  hint: { dimColor: true },
  header: { bold: true, underline: true },
  warning: { color: 'yellow', bold: true },
  chip: { inverse: true, color: 'cyan' },
  match: { color: 'yellow', bold: true, underline: true },
};

let MONOCHROME: Record<Role, Style> = {
  ...Object.fromEntries(Object.entries(COLOURED).map(([role, style]) => [role, { ...style, color: undefined }])),
  failure: { bold: true },
  old: {},
  new: { bold: true },
} as Record<Role, Style>;

export const styleFor = (role: Role, color: boolean): Style => (color ? COLOURED[role] : MONOCHROME[role]);

/** The config file's theme: each named style replaced field by field (colour dropped under NO_COLOR). */
export function applyTheme(overrides: Partial<Record<StyleName, StyleOverride>> | undefined): void {
  if (!overrides) return;
  const convert = (o: StyleOverride): Style => ({
    ...(o.color !== undefined ? { color: o.color } : {}),
    ...(o.bold !== undefined ? { bold: o.bold } : {}),
    ...(o.dim !== undefined ? { dimColor: o.dim } : {}),
    ...(o.inverse !== undefined ? { inverse: o.inverse } : {}),
    ...(o.underline !== undefined ? { underline: o.underline } : {}),
  });
  for (const [name, override] of Object.entries(overrides) as Array<[Role, StyleOverride]>) {
    const style = convert(override);
    COLOURED = { ...COLOURED, [name]: { ...COLOURED[name], ...style } };
    MONOCHROME = { ...MONOCHROME, [name]: { ...MONOCHROME[name], ...style, color: undefined } };
  }
}
