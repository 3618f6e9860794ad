import { describe, expect, it } from 'vitest';
import { keyNames, type InkKey } from '../../src/tui/key-names.js';

const none: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
};

describe('keyNames', () => {
  it('names special keys', () => {
    expect(keyNames('', { ...none, downArrow: true })).toEqual(['down']);
    expect(keyNames('', { ...none, pageDown: true })).toEqual(['pagedown']);
    expect(keyNames('', { ...none, tab: true, shift: true })).toEqual(['shift+tab']);
    expect(keyNames('', { ...none, delete: true })).toEqual(['backspace']);
    expect(keyNames('', { ...none, escape: true })).toEqual(['escape']);
    // Two Esc presses that arrive together (Ink reports meta + Esc with the second ESC as input).
    expect(keyNames('\u001b', { ...none, escape: true, meta: true })).toEqual(['escape', 'escape']);
    expect(keyNames('d', { ...none, ctrl: true })).toEqual(['ctrl+d']);
  });

  it('splits a burst of typed characters into one key each', () => {
    expect(keyNames('jjk', none)).toEqual(['j', 'j', 'k']);
    expect(keyNames('G', none)).toEqual(['G']);
    expect(keyNames(' ', none)).toEqual(['space']);
    expect(keyNames('\rll\t\u0004\u007f', none)).toEqual(['enter', 'l', 'l', 'tab', 'ctrl+d', 'backspace']);
  });
});

describe('rawKeyNames (keys before Ink is ready)', () => {
  it('reads the keys a terminal sends, raw', async () => {
    const { rawKeyNames } = await import('../../src/tui/early-keys.js');
    expect(rawKeyNames('jj\u001b[Bk')).toEqual(['j', 'j', 'down', 'k']);
    expect(rawKeyNames('\u001b[6~\u001b[5~\r\t\u0003')).toEqual(['pagedown', 'pageup', 'enter', 'tab', 'ctrl+c']);
    expect(rawKeyNames('G\u001bOA')).toEqual(['G', 'up']);
    expect(rawKeyNames('q\u001b[99xyz')).toEqual(['q']);
  });
});
