// @vitest-environment happy-dom
/**
 * The transcript as rendered: a long chat puts only its last lines in the page until the
 * visitor asks for more, and a new line changes nothing but itself.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../src/core/chat-session';
import { Transcript, TRANSCRIPT_WINDOW } from '../../src/ui/components/Transcript';
import { InLanguage } from './visitor-words';

const line = (i: number): TranscriptEntry => ({ key: `i${i}`, index: i, kind: 'message', from: i % 2 ? 'agent' : 'visitor', nickname: 'Alex', text: `message ${i}`, at: Date.UTC(2026, 11, 2, 9, 0, i) });
const lines = (n: number) => Array.from({ length: n }, (_, i) => line(i + 1));

let root: HTMLElement;
const show = (entries: TranscriptEntry[]) => act(() => render(<InLanguage><Transcript entries={entries} agentTyping={false} /></InLanguage>, root));
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});
const texts = () => [...root.querySelectorAll('[data-testid="beckon-message-text"]')].map((el) => el.textContent);

describe('Transcript', () => {
  it('shows the last lines of a long chat, and earlier ones on request', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await show(lines(500));
    expect(texts()).toHaveLength(TRANSCRIPT_WINDOW);
    expect(texts().at(-1)).toBe('message 500');
    const earlier = root.querySelector<HTMLButtonElement>('[data-testid="beckon-earlier"]')!;
    expect(earlier.textContent).toBe(`Show earlier messages (${500 - TRANSCRIPT_WINDOW})`);
    await act(() => earlier.click());
    expect(texts()).toHaveLength(2 * TRANSCRIPT_WINDOW);
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="beckon-earlier"]')!.click());
    expect(texts()).toHaveLength(500);
    expect(root.querySelector('[data-testid="beckon-earlier"]')).toBeNull();
  });

  it('adds a new line without touching the others', async () => {
    root = document.body.appendChild(document.createElement('div'));
    const before = lines(150);
    await show(before);
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((r) => changes.push(...r));
    watch.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    await show([...before, line(151)]);
    await new Promise((r) => setTimeout(r, 0));
    watch.disconnect();
    const added = changes.flatMap((c) => [...c.addedNodes]).filter((n) => (n as HTMLElement).dataset?.testid === 'beckon-message');
    expect(added).toHaveLength(1);
    expect(changes.filter((c) => c.type === 'characterData' || c.type === 'attributes')).toEqual([]);
    expect(texts().at(-1)).toBe('message 151');
  });

  it('renders agent text as text, and a time stamp out of range as no time', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await show([{ ...line(1), text: '<img src=x onerror=alert(1)>' }, { ...line(2), at: 1e20 }]);
    expect(root.querySelector('img')).toBeNull();
    expect(texts()[0]).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelectorAll('.bk-meta')[1]!.textContent).toBe('You · '); // line 2 is the visitor's
  });
});
