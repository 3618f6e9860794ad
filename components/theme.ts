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

export type Role = Tone | 'selected' | 'failure' | 'writeBack' | 'activeTab' | 'tab' | 'hint' | 'header' | 'warning' | 'chip' | 'match';

const COLOURED: Record<Role, Style> = {
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

const MONOCHROME: Record<Role, Style> = {
  ...Object.fromEntries(Object.entries(COLOURED).map(([role, style]) => [role, { ...style, color: undefined }])),
  failure: { bold: true },
  old: {},
  new: { bold: true },
} as Record<Role, Style>;

export const styleFor = (role: Role, color: boolean): Style => (color ? COLOURED[role] : MONOCHROME[role]);
