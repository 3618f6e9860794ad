/**
 * The details tabs follow the pane: a sign-in opens on Basic info and cycles through the
 * Sign-ins pane's own tabs, whichever way the pane was reached.
 */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { detailTabBar } from '../../src/view/detail-tab-bar.js';
import { AUDIT_DETAIL_TABS, SIGN_IN_DETAIL_TABS } from '../../src/view/details.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';
import { loadedProvisioning, loadedSignIn, makeProvisioning, makeSignIn } from '../helpers/sign-ins.js';

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const start = initialState({
  indexes: indexesOf(storeFromEvents([...loaded(graphEvent()), loadedSignIn(makeSignIn()), loadedProvisioning(makeProvisioning())])),
  size: { columns: 120, rows: 30 },
});

describe('details tabs per pane', () => {
  it('open a sign-in on Basic info and cycle the Sign-ins tabs both ways', () => {
    const open = run(start, { type: 'switchPane', pane: 'sign-ins' }, { type: 'openDetails' });
    expect(open.detailTab).toBe('basic');
    const forward = SIGN_IN_DETAIL_TABS.map((_, i) => run(open, ...Array.from({ length: i }, (): Action => ({ type: 'detailsTab', direction: 1 }))).detailTab);
    expect(forward).toEqual(SIGN_IN_DETAIL_TABS);
    expect(run(open, { type: 'detailsTab', direction: -1 }).detailTab).toBe('raw');
    expect(run(open, ...SIGN_IN_DETAIL_TABS.map((): Action => ({ type: 'detailsTab', direction: 1 }))).detailTab).toBe('basic');
  });

  it('keep a tab two panes share (Raw, Modified properties) and otherwise start on the pane\'s first', () => {
    const raw = run(start, { type: 'openDetails' }, { type: 'detailsTab', direction: -1 });
    expect(raw.detailTab).toBe('raw');
    expect(run(raw, { type: 'switchPane', pane: 'sign-ins' }, { type: 'openDetails' }).detailTab).toBe('raw');
    const modified = run(start, { type: 'openDetails' }, { type: 'detailsTab', direction: 1 }, { type: 'detailsTab', direction: 1 });
    expect(modified.detailTab).toBe('modified');
    expect(run(modified, { type: 'switchPane', pane: 'provisioning' }, { type: 'openDetails' }).detailTab).toBe('modified');
    expect(run(modified, { type: 'switchPane', pane: 'sign-ins' }, { type: 'openDetails' }).detailTab).toBe('basic');
  });

  it('start on the pane\'s first tab when the pane changed without switchPane (a question, --pane)', () => {
    // As a question's query or `--pane sign-ins` leaves it: the pane set, the audit's tab kept.
    const moved: AppState = { ...start, pane: 'sign-ins' };
    expect(moved.detailTab).toBe('activity');
    expect(run(moved, { type: 'openDetails' }).detailTab).toBe('basic');
  });

  it('fit the tab bar on one line: full labels when they fit, first words from 60 columns up', () => {
    const bar = (width: number) => detailTabBar(SIGN_IN_DETAIL_TABS, 'conditional-access', width);
    expect(bar(100).map((item) => item.text).join('')).toBe(' Basic info  Location & device  Authentication  Conditional Access  Risk  Raw ');
    expect(bar(77).map((item) => item.text).join('')).toBe(' Basic  Location  Authentication  Conditional  Risk  Raw ');
    expect(bar(60).map((item) => item.text).join('').length).toBeLessThanOrEqual(60);
    expect(bar(60).filter((item) => item.active).map((item) => item.tab)).toEqual(['conditional-access']);
    // An audit's bar at 80 columns is as it always was.
    expect(detailTabBar(AUDIT_DETAIL_TABS, 'activity', 80).map((item) => item.text).join('')).toBe(' Activity  Target(s)  Modified properties  Additional details  Raw ');
  });
});
