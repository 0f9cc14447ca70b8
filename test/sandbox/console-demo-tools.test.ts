// @vitest-environment happy-dom
/**
 * The console's demo tools rendered into a DOM (happy-dom): the composer's `/` canned replies
 * list from the keyboard (ARIA combobox and listbox), the script editor's errors, watching and
 * taking over an autopilot chat, and the report buttons. The agent API is mocked here; the
 * routes themselves are tested over HTTP against a real Sandbox.
 */
import { type ComponentChild, h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AutopilotChat } from '../../sandbox/autopilot/status.ts';
import type { CannedReply } from '../../sandbox/canned/schemas.ts';
import { AutopilotChatPane } from '../../sandbox/console/components/AutopilotChatPane.tsx';
import { AutopilotView } from '../../sandbox/console/components/AutopilotView.tsx';
import { CannedView } from '../../sandbox/console/components/CannedView.tsx';
import { Composer } from '../../sandbox/console/components/Composer.tsx';
import { ReportButtons } from '../../sandbox/console/components/ReportButtons.tsx';
import { lineStart, ScriptEditor } from '../../sandbox/console/components/ScriptEditor.tsx';
import { applyEvent, emptyDesk } from '../../sandbox/console/state.ts';

let root: HTMLElement;
const mount = async (vnode: ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
};
const byTestId = <E extends HTMLElement = HTMLElement>(id: string) => root.querySelector<E>(`[data-testid="${id}"]`);
const all = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const creds = { name: 'alice', password: 'alice' };
const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => {
  render(null, root);
  root.remove();
  fetchMock.mockReset();
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const CANNED: CannedReply[] = [
  { id: 1, shortcut: 'hello', text: 'Hi, you are on {Page Name}.', updatedAt: 0 },
  { id: 2, shortcut: 'hold', text: 'One moment please.', updatedAt: 0 },
  { id: 3, shortcut: 'bye', text: 'Bye, {Account} holder!', updatedAt: 0 },
];

describe('the composer\'s canned replies', () => {
  const setup = async () => {
    const run = vi.fn(async (_body: Record<string, unknown>) => true);
    const onCannedOpen = vi.fn();
    await mount(h(Composer, { to: 'Jane', run, canned: CANNED, userData: { 'Page Name': 'Loans' }, onCannedOpen }));
    const box = byTestId<HTMLTextAreaElement>('composer')!;
    const type = (value: string) => act(() => {
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const key = (k: string) => act(() => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    });
    return { run, onCannedOpen, box, type, key };
  };
  const options = () => all('canned-option').map((o) => [o.dataset.shortcut, o.getAttribute('aria-selected')]);

  it('opens on /, filters, moves with the arrow keys and inserts the filled reply with Enter', async () => {
    const { run, onCannedOpen, box, type, key } = await setup();
    expect(byTestId('canned-picker')).toBeNull();
    expect([box.getAttribute('role'), box.getAttribute('aria-expanded')]).toEqual(['combobox', 'false']);
    await type('/');
    expect(options()).toEqual([['bye', 'true'], ['hello', 'false'], ['hold', 'false']]);
    expect(onCannedOpen).toHaveBeenCalledTimes(1);
    expect([box.getAttribute('aria-expanded'), box.getAttribute('aria-controls'), box.getAttribute('aria-activedescendant')]).toEqual(['true', 'canned-list', 'canned-option-0']);
    expect(byTestId('canned-picker')!.querySelector('[role="listbox"]')!.id).toBe('canned-list');
    // The preview is filled; a placeholder the chat lacks is named.
    expect(all('canned-option')[0]!.textContent).toBe('/byeBye, {Account} holder!not known here: Account');
    await type('/h'); // shortcuts starting with it first, then texts holding it
    expect(options()).toEqual([['hello', 'true'], ['hold', 'false'], ['bye', 'false']]);
    await key('ArrowDown');
    expect(options()).toEqual([['hello', 'false'], ['hold', 'true'], ['bye', 'false']]);
    expect(box.getAttribute('aria-activedescendant')).toBe('canned-option-1');
    await key('ArrowUp');
    await key('ArrowUp'); // wraps to the last
    expect(options()[2]).toEqual(['bye', 'true']);
    await key('ArrowDown'); // and back to the first
    expect(options()[0]).toEqual(['hello', 'true']);
    await key('Enter');
    expect(box.value).toBe('Hi, you are on Loans.');
    expect(byTestId('canned-picker')).toBeNull();
    // Inserted, not sent: only a typing notice went out.
    expect(run.mock.calls.map((c) => c[0].operationName)).toEqual(['SendNotification']);
  });

  it('closes with Escape until the text changes, and sends a /text the agent means literally', async () => {
    const { run, box, type, key } = await setup();
    await type('/zzz');
    expect(byTestId('canned-picker')!.textContent).toContain('No canned reply matches');
    await key('Escape');
    expect([byTestId('canned-picker'), box.value]).toEqual([null, '/zzz']);
    await key('Enter');
    expect(run.mock.calls.at(-1)![0]).toMatchObject({ operationName: 'SendMessage', text: '/zzz' });
    await type('/mom');
    expect(options()).toEqual([['hold', 'true']]);
    await act(() => {
      all('canned-option')[0]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    });
    expect(box.value).toBe('One moment please.');
  });

  it('is not there without canned replies', async () => {
    await mount(h(Composer, { to: 'Jane', run: async () => true }));
    const box = byTestId<HTMLTextAreaElement>('composer')!;
    await act(() => {
      box.value = '/';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([byTestId('canned-picker'), box.getAttribute('role')]).toEqual([null, null]);
  });
});

describe('ScriptEditor', () => {
  it('lists every error with its line, and puts the cursor on that line', async () => {
    const source = 'queue: Billing\naccept:\n  nickname: Ava\nreplies:\n  - match: "("\n';
    fetchMock.mockResolvedValue(json({ statusCode: 10, statusMessage: 'x', errors: [
      { line: 5, path: 'replies[0].match', message: 'not a valid regular expression', text: 'b.yaml:5: replies[0].match: not a valid regular expression' },
      { line: 2, path: 'accept.after', message: 'must be a number', text: 'b.yaml:2: accept.after: must be a number' },
    ] }, 400));
    await mount(h(ScriptEditor, { creds, initial: { name: 'b.yaml', source }, onSaved: () => {} }));
    await act(() => byTestId('script-save')!.click());
    await flush();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/sandbox/autopilot/scripts/b.yaml');
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ source });
    expect(all('script-error').map((e) => e.textContent)).toEqual(['b.yaml:5: replies[0].match: not a valid regular expression', 'b.yaml:2: accept.after: must be a number']);
    await act(() => all('script-error')[0]!.querySelector('button')!.click());
    const area = byTestId<HTMLTextAreaElement>('script-source')!;
    expect([document.activeElement, area.selectionStart, area.selectionEnd]).toEqual([area, lineStart(source, 5), source.length - 1]);
    expect(lineStart(source, 1)).toBe(0);
    expect(lineStart(source, 2)).toBe(15);
  });
});

describe('AutopilotChatPane', () => {
  const chat: AutopilotChat = { chatId: 'c/1', queue: 'Billing', agent: 'autopilot-billing', visitor: 'Jane', state: 'chatting', nickname: 'Ava', at: 0, reason: null, lastError: null };

  it('shows the transcript, what the autopilot does, and takes the chat over under a nickname', async () => {
    fetchMock.mockImplementation(async (url) => url.endsWith('/takeover') ? json({ statusCode: 0 }) : json({ statusCode: 0, chat: {
      id: 'c/1', messages: [{ index: 1, type: 'Text', from: { nickname: 'Jane', participantId: 'p', type: 'Customer' }, text: '<b>hi</b>', utcTime: 0, visibility: 'All' }],
    } }));
    const onTakenOver = vi.fn();
    await mount(h(AutopilotChatPane, { chat, creds, revision: 0, onTakenOver }));
    await flush();
    expect(byTestId('autopilot-status')!.textContent).toBe('The autopilot is chatting as Ava.');
    expect(byTestId('transcript-message')!.textContent).toContain('<b>hi</b>'); // text, not markup
    expect(root.querySelector('b')).toBeNull();
    const nickname = byTestId<HTMLInputElement>('takeover-nickname')!;
    await act(() => {
      nickname.value = 'Alice B';
      nickname.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => byTestId('takeover-button')!.closest('form')!.requestSubmit());
    await flush();
    expect(fetchMock.mock.calls.at(-1)![0]).toBe('/api/sandbox/autopilot/chats/c%2F1/takeover');
    expect(JSON.parse(fetchMock.mock.calls.at(-1)![1]!.body as string)).toEqual({ nickname: 'Alice B' });
    expect(onTakenOver).toHaveBeenCalledWith('c/1');
  });

  it('says why the autopilot stopped, and offers no takeover then; a refused takeover shows the reason', async () => {
    fetchMock.mockResolvedValue(json({ statusCode: 0, chat: { messages: [] } }));
    await mount(h(AutopilotChatPane, { chat: { ...chat, state: 'stopped', reason: 'alice took the chat over' }, creds, revision: 0, onTakenOver: () => {} }));
    await flush();
    expect(byTestId('autopilot-status')!.textContent).toBe('The autopilot (Ava) stopped on this chat: alice took the chat over.');
    expect(byTestId('takeover-button')).toBeNull();
    render(null, root);
    fetchMock.mockImplementation(async (url) => url.endsWith('/takeover') ? json({ statusCode: 2, statusMessage: 'A consultation with bob is in progress.' }, 409) : json({ statusCode: 0, chat: { messages: [] } }));
    await act(() => render(h(AutopilotChatPane, { chat, creds, revision: 1, onTakenOver: () => {} }), root));
    await act(() => byTestId('takeover-button')!.closest('form')!.requestSubmit());
    await flush();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('A consultation with bob is in progress.');
  });
});

describe('ReportButtons', () => {
  it('saves the HTML report and the JSON as files named after the chat', async () => {
    fetchMock.mockImplementation(async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await mount(h(ReportButtons, { chatId: 'abcdef123456', creds }));
    await act(() => byTestId('report-html')!.click());
    await flush();
    await act(() => byTestId('report-json')!.click());
    await flush();
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v2/me/interactions/abcdef123456/report?format=html', '/api/v2/me/interactions/abcdef123456/report?format=json']);
    expect(saved).toEqual(['chat-report-abcdef12.html', 'chat-report-abcdef12.json']);
    click.mockRestore();
  });
});

describe('CannedView', () => {
  const input = (id: string, value: string) => act(() => {
    const el = byTestId<HTMLInputElement>(id)!;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

  it('adds a reply, and lists each field a refused import names', async () => {
    fetchMock.mockImplementation(async (url) => url.includes('/import')
      ? json({ statusCode: 10, statusMessage: 'x', errors: [{ path: 'replies[1].text', message: 'must not be empty' }, { path: 'version', message: 'must be 1' }] }, 400)
      : json({ statusCode: 0, reply: {} }));
    const reload = vi.fn();
    await mount(h(CannedView, { creds, replies: CANNED, reload }));
    expect(all('canned-reply').map((r) => r.dataset.shortcut)).toEqual(['hello', 'hold', 'bye']);
    expect(all('canned-reply')[0]!.textContent).toContain('Hi, you are on {Page Name}.'); // placeholders as written
    await input('canned-shortcut', 'thanks');
    await input('canned-text', 'Thanks, {FirstName|there}!');
    await act(() => byTestId('canned-save')!.closest('form')!.requestSubmit());
    await flush();
    expect([fetchMock.mock.calls[0]![0], fetchMock.mock.calls[0]![1]!.method, JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)])
      .toEqual(['/api/sandbox/canned-replies', 'POST', { shortcut: 'thanks', text: 'Thanks, {FirstName|there}!' }]);
    expect(reload).toHaveBeenCalledTimes(1);

    const file = new File(['{"format":"beckon-canned-replies","version":2,"replies":[]}'], 'replies.json', { type: 'application/json' });
    const picker = byTestId<HTMLInputElement>('canned-import')!;
    Object.defineProperty(picker, 'files', { value: [file] });
    await act(() => {
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(fetchMock.mock.calls.at(-1)![0]).toBe('/api/sandbox/canned-replies/import?mode=merge');
    expect([...byTestId('canned-errors')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['replies[1].text: must not be empty', 'version: must be 1']);
  });
});

describe('AutopilotView', () => {
  it('switches a script on for a queue, offering only the scripts that serve it', async () => {
    fetchMock.mockImplementation(async (url) => (url.endsWith('/templates') ? json({ statusCode: 0, templates: [] }) : json({ statusCode: 0 })));
    const reload = vi.fn();
    const state = {
      queues: [{ queue: 'Billing', agent: null, script: null, nickname: null, on: false, error: null },
        { queue: 'Loans', agent: 'autopilot-loans', script: 'loans.yaml', nickname: 'Leo', on: true, error: null }],
      scripts: [{ name: 'billing.yaml', queue: 'Billing', updatedAt: 0 }, { name: 'loans.yaml', queue: 'Loans', updatedAt: 0 }],
      chats: [],
    };
    await mount(h(AutopilotView, { creds, state, reload }));
    await flush();
    const select = byTestId<HTMLSelectElement>('autopilot-select-Billing')!;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'billing.yaml']);
    expect(byTestId<HTMLSelectElement>('autopilot-select-Loans')!.value).toBe('loans.yaml');
    expect(all('autopilot-queue').map((q) => q.textContent)).toEqual([expect.stringContaining('Off'), expect.stringContaining('On, as Leo')]);
    await act(() => {
      select.value = 'billing.yaml';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    const call = fetchMock.mock.calls.find((c) => c[0].includes('/queues/'))!;
    expect([call[0], JSON.parse(call[1]!.body as string)]).toEqual(['/api/sandbox/autopilot/queues/Billing', { script: 'billing.yaml' }]);
    expect(reload).toHaveBeenCalled();
  });
});

describe('desk state', () => {
  it('counts AutopilotUpdated events, so the autopilot views read its state again', () => {
    const s = applyEvent(applyEvent(emptyDesk, { event: 'AutopilotUpdated', data: '{"chatId":null}' }), { event: 'AutopilotUpdated', data: '{"chatId":"c1"}' });
    expect(s.autopilot).toBe(2);
  });
});
