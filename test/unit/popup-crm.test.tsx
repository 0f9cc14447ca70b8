// @vitest-environment happy-dom
/**
 * The popup's CRM parts rendered into a DOM: the chat switcher (several chats at once) and
 * the line with the shown chat's interaction id and sync state.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatSummary, UiToBackground } from '../../src/protocol/ports';
import { ChatSwitcher, chatLabel } from '../../src/ui/components/ChatSwitcher';
import { CrmStatusLine, crmStatusText } from '../../src/ui/components/CrmStatusLine';
import { ENGLISH, InLanguage } from './visitor-words';

let root: HTMLElement;
const mount = async (vnode: ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<InLanguage>{vnode}</InLanguage>, root));
  return root;
};
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

const chats: ChatSummary[] = [
  { id: 'a', status: 'connected', queue: 'Billing', site: '127.0.0.1', startedAt: Date.UTC(2026, 10, 30, 9, 5), unread: 0 },
  { id: 'b', status: 'waiting', queue: 'Loans', site: 'localhost', startedAt: Date.UTC(2026, 10, 30, 9, 7), unread: 2 },
];

describe('popup chat switcher', () => {
  it('lists every chat with where it runs and where it stands, and moves focus on a choice', async () => {
    const sent: UiToBackground[] = [];
    await mount(<ChatSwitcher chats={chats} current="a" send={(m) => sent.push(m)} />);
    const select = root.querySelector<HTMLSelectElement>('[data-testid="popup-chat-switcher"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([chatLabel(chats[0]!, ENGLISH), chatLabel(chats[1]!, ENGLISH)]);
    expect(chatLabel(chats[1]!, ENGLISH)).toMatch(/^localhost, Loans, \d\d:\d\d( [AP]M)?: Waiting for an agent…, 2 unread$/);
    expect(select.value).toBe('a');
    await act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(sent).toEqual([{ type: 'chat.focus', chatId: 'b' }]);
    expect(root.querySelector('label')!.textContent).toContain('Chat'); // the select has a label
  });
});

describe('popup CRM line', () => {
  it('says where the interaction is, with its id, for each sync state', async () => {
    await mount(<CrmStatusLine crm={{ connector: 'sandbox', state: 'synced', interactionId: 'I-4' }} />);
    const line = root.querySelector('[data-testid="popup-crm"]')!;
    expect([line.getAttribute('data-state'), line.getAttribute('data-interaction-id')]).toEqual(['synced', 'I-4']);
    expect(line.textContent).toBe('CRM Interaction I-4 in the Sandbox CRM: up to date.');
    expect(crmStatusText({ connector: 'pega', state: 'pending' })).toBe('Starting the interaction in the Pega desktop…');
    expect(crmStatusText({ connector: 'webhook', state: 'pending', interactionId: 'W-1', error: 'Webhook end: HTTP 503' })).toBe(
      'Interaction W-1: the webhook is not answering (Webhook end: HTTP 503); retrying.',
    );
    expect(crmStatusText({ connector: 'sandbox', state: 'failed', interactionId: 'I-2', error: 'HTTP 401' })).toMatch(/refused an update \(HTTP 401\)\. Retry it from the CRM sync log/);
    expect(crmStatusText({ connector: 'none', state: 'off' })).toBe('Not synced to a CRM.');
  });
});
