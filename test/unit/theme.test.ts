import { describe, expect, it } from 'vitest';
import type { StyleName } from '../../src/view/style-names.js';
import { buildTheme } from '../../src/view/theme.js';

const styleFor = (role: StyleName, color: boolean) => buildTheme(color)[role];
const ROLES: StyleName[] = ['plain', 'heading', 'label', 'old', 'new', 'dim', 'bad', 'selected', 'failure', 'writeBack', 'activeTab', 'tab', 'hint', 'header', 'warning'];
const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', undefined];

describe('theme', () => {
  it('uses no colour at all when colour is off (NO_COLOR), but still marks failures and selection', () => {
    for (const role of ROLES) expect(styleFor(role, false).color).toBeUndefined();
    expect(styleFor('failure', false)).toEqual({ bold: true });
    expect(styleFor('selected', false).inverse).toBe(true);
  });

  it('uses only the 8 basic colours, so 16-colour terminals show everything', () => {
    for (const role of ROLES) expect(BASIC).toContain(styleFor(role, true).color);
    expect(styleFor('failure', true).color).toBe('red');
  });
});
