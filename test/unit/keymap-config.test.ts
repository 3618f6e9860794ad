import { describe, expect, it } from 'vitest';
import { applyKeyBindings } from '../../src/config/key-bindings.js';
import { ACTIONS, commandFor, DEFAULT_KEYMAP } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/help.js';

describe('the keymap and the config file', () => {
  it('names every action once, so the config can remap it', () => {
    for (const action of ['quit', 'search', 'filter-menu', 'questions', 'insights', 'export', 'copy-event', 'group-operations', 'mark-value', 'choose']) expect(ACTIONS).toContain(action);
  });

  it('has no key meaning two things in one mode', () => {
    expect(applyKeyBindings(DEFAULT_KEYMAP, {}).errors).toEqual([]);
  });

  it('remaps an action: the new key works, the old one no longer does, and help says so', () => {
    const { bindings, errors } = applyKeyBindings(DEFAULT_KEYMAP, { quit: ['Q'], 'filter-menu': ['v', 'f'] });
    expect(errors).toEqual([]);
    expect(commandFor(bindings, 'table', 'Q')).toEqual({ type: 'quit' });
    expect(commandFor(bindings, 'table', 'q')).toBeUndefined();
    expect(commandFor(bindings, 'table', 'v')).toEqual({ type: 'openMenu' });
    expect(helpLines(bindings)).toContainEqual({ keys: 'Q', help: 'Quit' });
  });

  it('refuses a remap that takes a key another action has in the same mode', () => {
    const { errors } = applyKeyBindings(DEFAULT_KEYMAP, { quit: ['j'] }, 'config.json');
    expect(errors).toEqual([expect.stringMatching(/^config\.json: keys\.quit: "j" is also the key of "down" in table mode/)]);
  });
});
