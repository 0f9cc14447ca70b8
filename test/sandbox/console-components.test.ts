// @vitest-environment happy-dom
/**
 * Console components rendered into a DOM (happy-dom): test ids, accessible state and the
 * operations their controls send. Plain `h()` calls, since the unit project runs .ts tests.
 */
import { type ComponentChild, h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AcceptForm } from '../../sandbox/console/components/AcceptForm.tsx';
import { ChatActions } from '../../sandbox/console/components/ChatActions.tsx';
import { FilePicker } from '../../sandbox/console/components/FilePicker.tsx';
import { QueueToggles } from '../../sandbox/console/components/QueueToggles.tsx';
import { Transcript } from '../../sandbox/console/components/Transcript.tsx';
import type { AgentMessage, Interaction } from '../../sandbox/engine/types.ts';

let root: HTMLElement;
const mount = async (vnode: ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
  return root;
};
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('QueueToggles', () => {
  it('renders one pressed/unpressed toggle button per queue and reports clicks', async () => {
    const onToggle = vi.fn();
    await mount(h(QueueToggles, { queues: [{ name: 'Billing', state: 'Ready' }, { name: 'Home Loans', state: 'NotReady' }], onToggle }));
    const billing = byTestId('queue-toggle-Billing')!;
    const loans = byTestId('queue-toggle-Home Loans')!;
    // Real <button>s: focusable with Tab, activated with Enter and Space by the browser.
    expect([billing.tagName, billing.getAttribute('type'), billing.getAttribute('aria-pressed')]).toEqual(['BUTTON', 'button', 'true']);
    expect(loans.getAttribute('aria-pressed')).toBe('false');
    expect(loans.textContent).toContain('Home Loans');
    await act(() => billing.click());
    await act(() => loans.click());
    expect(onToggle.mock.calls).toEqual([['Billing', 'NotReady'], ['Home Loans', 'Ready']]);
  });

  it('renders nothing before the queue list is known', async () => {
    await mount(h(QueueToggles, { queues: [], onToggle: () => {} }));
    expect(byTestId('queue-toggles')).toBeNull();
  });
});

const chat = (over: Partial<Interaction> = {}): Interaction => ({
  id: 'c1', state: 'Chatting', queue: 'Billing', subject: null, customer: { nickname: 'Jane' }, userData: {}, createdAt: 0, endedAt: null,
  participants: [], messages: [], role: 'Primary', offer: null, consultation: null, customerApi: 'GMS', ...over,
});
/** Picks an option of a <select> the way a user does, firing the change event. */
const choose = (id: string, value: string) => act(() => {
  const select = byTestId(id) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
});
const submit = (id: string) => act(() => byTestId(id)!.closest('form')!.requestSubmit());

describe('ChatActions', () => {
  it('transfers to an agent or a queue and starts a consultation, never offering oneself', async () => {
    const run = vi.fn(async (_body: Record<string, unknown>) => true);
    await mount(h(ChatActions, { interaction: chat(), me: 'alice', agents: ['alice', 'bob'], queues: ['Billing', 'Loans'], run }));
    const options = [...byTestId('transfer-target')!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['', 'agent:bob', 'queue:Billing', 'queue:Loans']);
    expect((byTestId('transfer-button') as HTMLButtonElement).disabled).toBe(true);
    await choose('transfer-target', 'queue:Loans');
    await submit('transfer-button');
    await choose('transfer-target', 'agent:bob');
    await submit('transfer-button');
    await choose('consult-agent', 'bob');
    await submit('consult-button');
    expect(run.mock.calls.map((c) => c[0])).toEqual([
      { operationName: 'Transfer', queueName: 'Loans' },
      { operationName: 'Transfer', agentId: 'bob' },
      { operationName: 'StartChatConsultation', agentId: 'bob' },
    ]);
  });

  it('offers Complete transfer / conference to the consulting agent once the consultant joined', async () => {
    const run = vi.fn(async (_body: Record<string, unknown>) => true);
    const consultation = { agent: 'bob', state: 'Joined' as const, startedBy: 'alice' };
    await mount(h(ChatActions, { interaction: chat({ consultation }), me: 'alice', agents: ['alice', 'bob'], queues: [], run }));
    expect(byTestId('transfer-button')).toBeNull();
    await act(() => byTestId('complete-transfer')!.click());
    await act(() => byTestId('complete-conference')!.click());
    expect(run.mock.calls.map((c) => c[0])).toEqual([{ operationName: 'CompleteTransfer' }, { operationName: 'CompleteConference' }]);
    render(null, root);
    await act(() => render(h(ChatActions, { interaction: chat({ consultation: { ...consultation, state: 'Invited' } }), me: 'alice', agents: [], queues: [], run }), root));
    expect(byTestId('consultation-status')!.textContent).toMatch(/Waiting for bob/);
    expect(byTestId('complete-transfer')).toBeNull();
  });

  it('shows nothing to a consultant or outside a live chat', async () => {
    await mount(h(ChatActions, { interaction: chat({ role: 'Consultant' }), me: 'bob', agents: ['alice'], queues: [], run: async () => true }));
    expect(byTestId('chat-actions')).toBeNull();
    await act(() => render(h(ChatActions, { interaction: chat({ state: 'Ended' }), me: 'bob', agents: ['alice'], queues: [], run: async () => true }), root));
    expect(byTestId('chat-actions')).toBeNull();
  });
});

describe('AcceptForm', () => {
  it('accepts under the typed nickname or rejects', async () => {
    const onAccept = vi.fn(async () => true);
    const onReject = vi.fn(async () => true);
    await mount(h(AcceptForm, { defaultNickname: 'alice', onAccept, onReject }));
    await act(() => byTestId('reject-button')!.click());
    await act(async () => byTestId('accept-button')!.closest('form')!.requestSubmit());
    expect([onReject.mock.calls.length, onAccept.mock.calls]).toEqual([1, [['alice']]]);
  });
});

describe('Transcript files and GMS notices', () => {
  const file = (over: Partial<AgentMessage> = {}): AgentMessage => ({
    index: 3, type: 'FileUploaded', from: { nickname: 'Jane', participantId: 'p1', type: 'Customer' }, text: 'ABCDEF0123456789', utcTime: 0, visibility: 'All',
    userData: { 'file-id': 'ABCDEF0123456789', 'file-name': 'statement<b>.pdf', 'file-size': '2048', 'file-type': 'application/pdf' }, ...over,
  });

  it('shows a file the visitor sent as text with a Download button that asks for that file', async () => {
    const onDownload = vi.fn(async () => {});
    await mount(h(Transcript, { messages: [file()], onDownload }));
    const line = byTestId('transcript-message')!;
    expect(line.getAttribute('data-type')).toBe('FileUploaded');
    expect(line.textContent).toContain('Jane sent the file statement<b>.pdf (2.0 KB)');
    expect(line.querySelector('b')).toBeNull(); // a name is text, never markup
    await act(() => byTestId('file-download')!.click());
    expect(onDownload).toHaveBeenCalledWith('ABCDEF0123456789', 'statement<b>.pdf');
  });

  it('marks a deleted file and offers no download for it', async () => {
    const deleted = file({ index: 4, type: 'FileDeleted', userData: { 'file-id': 'ABCDEF0123456789', 'file-name': 'statement<b>.pdf' } });
    await mount(h(Transcript, { messages: [file(), deleted] }));
    expect(byTestId('file-download')).toBeNull();
    expect(root.textContent).toContain('(deleted)');
    expect(root.textContent).toContain('Jane deleted the file statement<b>.pdf');
  });

  it('links a pushed page only when it is http(s), and reads nickname changes and notices as sentences', async () => {
    const from = { nickname: 'Jane', participantId: 'p1', type: 'Customer' as const };
    await mount(h(Transcript, { messages: [
      { index: 1, type: 'PushUrl', from, text: 'https://127.0.0.1/demo/loans.html', utcTime: 0, visibility: 'All' },
      { index: 2, type: 'PushUrl', from, text: 'javascript:alert(1)', utcTime: 0, visibility: 'All' },
      { index: 3, type: 'NicknameUpdated', from, text: 'Jane D', utcTime: 0, visibility: 'All' },
      { index: 4, type: 'CustomNotice', from, text: 'cobrowse:on', utcTime: 0, visibility: 'All' },
    ] }));
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://127.0.0.1/demo/loans.html']);
    expect(root.textContent).toContain('javascript:alert(1)');
    expect(root.textContent).toContain('The visitor is now called Jane D');
    expect(root.textContent).toContain('Notice from Jane: cobrowse:on');
  });
});

describe('FilePicker', () => {
  it('sends the chosen file and says so while it goes', async () => {
    let done!: (ok: boolean) => void;
    const onSend = vi.fn(() => new Promise<boolean>((r) => (done = r)));
    await mount(h(FilePicker, { onSend }));
    const input = byTestId('file-input') as HTMLInputElement;
    const chosen = new File(['hello'], 'terms.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [chosen], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onSend).toHaveBeenCalledWith(chosen);
    expect(byTestId('file-sending')!.textContent).toBe('Sending terms.txt…');
    await act(async () => {
      done(true);
    });
    expect(byTestId('file-sending')).toBeNull();
  });
});
