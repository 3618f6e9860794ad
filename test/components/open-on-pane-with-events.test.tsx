/**
 * A file of sign-ins opens on the Sign-ins pane, not on an empty Directory pane; once a pane is
 * chosen, a growing load never moves it (the reducer's refresh, as the App folds a load in).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { storeFromEvents } from '../../src/load/from-events.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { graphEvent } from '../helpers/events.js';
import { renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { loadedSignIn, makeSignIn } from '../helpers/sign-ins.js';
import { indexesOf } from '../helpers/state.js';

afterEach(() => cleanup());

const signIns = [loadedSignIn(makeSignIn({ id: 's1', userPrincipalName: 'kwame@contoso.example' }), 1), loadedSignIn(makeSignIn({ id: 's2', userPrincipalName: 'lin@contoso.example' }), 2)];

describe('the pane the explorer opens on', () => {
  it('is Sign-ins for a file of sign-ins, with its rows on screen (140×40)', async () => {
    const { waitFor } = renderExplorer(signIns, { columns: 140, rows: 40 });
    const frame = await waitFor('kwame@contoso.example');
    expect(frame).toContain('kwame@contoso.example');
    expect(frame).toMatch(/User\s+Application/); // the Sign-ins pane's columns
    expect(frame).not.toContain('No events in this pane');
  });

  it('is Directory when it has events, and a chosen empty pane stays chosen as the load grows', () => {
    const mixed = initialState({ indexes: indexesOf(storeFromEvents([...loaded(graphEvent()), ...signIns])), size: { columns: 140, rows: 40 } });
    expect(mixed.pane).toBe('directory');
    const onlySignIns = storeFromEvents(signIns);
    const opened = initialState({ indexes: indexesOf(onlySignIns), size: { columns: 140, rows: 40 } });
    expect(opened.pane).toBe('sign-ins');
    const chosen = reducer(opened, { type: 'key', name: '1', now: 0 });
    expect(chosen.pane).toBe('directory');
    expect(reducer(chosen, { type: 'refresh' }).pane).toBe('directory');
  });
});
