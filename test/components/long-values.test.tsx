/**
 * A log field of 200,000 characters (a pasted policy, a hostile value) opens at once: details
 * show its head and say how much is left, `f` shows it in full, and the screen stays in its width.
 */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { wrapToWidth, displayWidth, truncateToWidth } from '../../src/text/width.js';

afterEach(() => cleanup());


const LONG = 200_000;
const longText = (seed: string) => Array.from({ length: LONG / 10 }, (_, i) => `${seed}${String(i).padStart(9, '0')}`.slice(0, 10)).join('');
const wide = Array.from({ length: LONG }, (_, i) => (i % 3 ? 'é' : String.fromCharCode(0x4e00 + (i % 50)))).join('');

const longEvent = graphEvent({
  id: 'long',
  resultReason: longText('r'),
  additionalDetails: [{ key: 'Note', value: wide }],
  targetResources: [
    {
      id: 't',
      displayName: 'bo',
      type: 'User',
      userPrincipalName: 'bo.user@contoso.example',
      groupType: null,
      modifiedProperties: [{ displayName: 'Blob', oldValue: JSON.stringify(longText('o')), newValue: JSON.stringify(longText('n')) }],
    },
  ],
});

describe('long values in the details', () => {
  it('shows the head of a 200,000-character value with how much is left, and all of it on f', async () => {
    const app = renderExplorer(loaded(longEvent), { columns: 120, rows: 40 });
    await app.press(KEYS.enter);
    const cut = (await app.waitFor('Status reason')).split('\n');
    expect(cut.join('\n')).toContain('Status reason       r000000000');
    // The tab is short enough to scroll: the header counts the lines below the window.
    const more = Number(/↓ (\d+) more/.exec(cut[3])?.[1]);
    expect(more).toBeLessThan(100);
    await app.press(' ');
    expect(await app.waitFor('more characters')).toMatch(/… 195,904 more characters \(200,000 in all\): f shows them/);
    await app.press('g');
    await app.waitFor('Status reason');

    await app.press('f');
    const full = (await app.waitFor(/↓ \d{4,} more/)).split('\n');
    expect(full.join('\n')).not.toContain('more characters');
    expect(Number(/↓ (\d+) more/.exec(full[3])?.[1])).toBeGreaterThan(LONG / 120);
    // The end of the value is there now.
    await app.press('G');
    expect(await app.waitFor('Loaded from')).toContain('r000019999');
  });

  it('cuts every long value on the other tabs too, wide characters included, within the width', async () => {
    const app = renderExplorer(loaded(longEvent), { columns: 120, rows: 40 });
    await app.press(KEYS.enter, 'l', 'l');
    const modified = (await app.waitFor('old: ')).split('\n');
    expect(modified.join('\n')).toContain('old: o000000000');
    await app.press(' ');
    const modifiedEnd = (await app.waitFor('more characters')).split('\n');
    expect(modifiedEnd.join('\n')).toMatch(/… 195,904 more characters \(200,000 in all\): f shows them\n\s+new: n000000000/);
    await app.press('l');
    const additional = (await app.waitFor('Note')).split('\n');
    expect(additional.join('\n')).toMatch(/Note\s+一éé/);
    await app.press(' ');
    expect(await app.waitFor('more characters')).toContain('more characters (200,000 in all)');
    for (const line of [...modified, ...modifiedEnd, ...additional]) expect(stringWidth(line)).toBeLessThanOrEqual(120);
  });
});

describe('measuring long text', () => {
  it('wraps long wide text into lines within the width that join back to the text', () => {
    const wrapped = wrapToWidth(wide, 77);
    expect(wrapped.join('')).toBe(wide);
    for (const line of wrapped) expect(displayWidth(line)).toBeLessThanOrEqual(77);
    expect(wrapped.slice(0, -1).every((line) => displayWidth(line) >= 76)).toBe(true);
    // Every third character is a CJK ideograph (two columns), the rest é (one).
    expect(displayWidth(wide)).toBe(Math.ceil(LONG / 3) * 2 + Math.floor((LONG * 2) / 3));
  });

  it('keeps emoji and combining marks whole across the windows it measures in', () => {
    const text = '👩‍👩‍👧‍👦e\u0301'.repeat(3000);
    const wrapped = wrapToWidth(text, 40);
    expect(wrapped.join('')).toBe(text);
    for (const line of wrapped) expect(line.startsWith('\u0301') || line.startsWith('\u200d')).toBe(false);
    expect(truncateToWidth(text, 10, '…')).toBe('👩‍👩‍👧‍👦e\u0301👩‍👩‍👧‍👦e\u0301👩‍👩‍👧‍👦e\u0301…');
  });
});
