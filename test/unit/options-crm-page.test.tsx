// @vitest-environment happy-dom
/**
 * The CRM sync section and the CRM sync log on WXT's fake browser: only the chosen
 * connector's fields show; Test connection checks the unsaved draft, asks for the host in
 * the click, sends `crm.test` and shows the answer (or why there is none); Save asks for
 * the CRM's host with the backend's; the log follows storage and Retry sends `crm.retry`.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CRM } from '../../src/core/crm/settings';
import type { CrmEvent } from '../../src/core/crm/sync-queue';
import { crmQueueItem, settingsItem } from '../../src/protocol/storage';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

let root: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 10)));
const type = (id: string, value: string) =>
  act(() => {
    const el = byTestId<HTMLInputElement>(id)!;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = async (id: string) => {
  await act(() => byTestId(id)!.click());
  await settle();
};
const shown = (...ids: string[]) => ids.filter((id) => byTestId(id) !== null);

/** What the page sent to the background, and how the fake background answers. */
let sent: unknown[];
let answer: (message: any, respond: (r: unknown) => void) => boolean | void;
let request: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  sent = [];
  answer = (m, respond) => {
    respond({ ok: true, message: `Connected: ${m.crm?.connector ?? m.id}` });
    return true;
  };
  browser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, respond: (r: unknown) => void) => {
    sent.push(message);
    return answer(message, respond);
  }) as never);
  request = vi.fn().mockResolvedValue(true);
  // The fake browser has no permissions API: 127.0.0.1 is granted at install, nothing else is.
  const contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => o === 'http://127.0.0.1/*'));
  Object.assign(browser.permissions, { request, contains, remove: vi.fn().mockResolvedValue(true) });
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OptionsApp />, root));
  await settle();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const FIELDS = ['options-crm-sandbox-url', 'options-crm-pega-portal', 'options-crm-webhook-url', 'options-crm-test'];

describe('the CRM sync section', () => {
  it("shows only the chosen connector's fields, and keeps what was typed for the others", async () => {
    expect(byTestId<HTMLInputElement>('options-crm-connector-sandbox')!.checked).toBe(true);
    expect(shown(...FIELDS)).toEqual(['options-crm-sandbox-url', 'options-crm-test']);
    await click('options-crm-connector-webhook');
    expect(shown(...FIELDS)).toEqual(['options-crm-webhook-url', 'options-crm-test']);
    await type('options-crm-webhook-url', 'https://hooks.example.com/in');
    await click('options-crm-connector-pega');
    expect(shown(...FIELDS)).toEqual(['options-crm-pega-portal', 'options-crm-test']);
    expect(root.querySelector('#crm .note')!.textContent).toMatch(/must be open .* in a tab .*no API for offer outcomes/s);
    await click('options-crm-connector-none');
    expect(shown(...FIELDS)).toEqual([]);
    await click('options-crm-connector-webhook');
    expect(byTestId<HTMLInputElement>('options-crm-webhook-url')!.value).toBe('https://hooks.example.com/in');
    expect(document.getElementById('f-crm-webhook-secret-hint')!.textContent).toMatch(/X-Beckon-Signature: sha256=<hex>.*HMAC-SHA256 of the request body/);
  });

  it('edits headers by keyboard-reachable buttons, keeping focus in place, and shows the secret on demand', async () => {
    await click('options-crm-connector-webhook');
    await click('options-crm-webhook-header-add');
    expect(document.activeElement).toBe(byTestId('options-crm-webhook-header-0-name'));
    await click('options-crm-webhook-header-add');
    await type('options-crm-webhook-header-1-name', 'X-Tenant');
    expect(byTestId('options-crm-webhook-header-1-remove')!.getAttribute('aria-label')).toBe('Remove header 2 (X-Tenant)');
    await click('options-crm-webhook-header-0-remove');
    expect(byTestId<HTMLInputElement>('options-crm-webhook-header-0-name')!.value).toBe('X-Tenant');
    expect(document.activeElement).toBe(byTestId('options-crm-webhook-header-0-name'));
    await click('options-crm-webhook-header-0-remove');
    expect(document.activeElement).toBe(byTestId('options-crm-webhook-header-add'));

    const secret = byTestId<HTMLInputElement>('options-crm-webhook-secret')!;
    expect(secret.type).toBe('password');
    await click('options-crm-webhook-secret-toggle');
    expect([secret.type, byTestId('options-crm-webhook-secret-toggle')!.getAttribute('aria-pressed')]).toEqual(['text', 'true']);
  });

  it('saves the CRM settings after asking for the webhook host with the backend', async () => {
    await click('options-crm-connector-webhook');
    await type('options-crm-webhook-url', 'https://hooks.example.com/in');
    await type('options-crm-webhook-secret', 'k3y');
    await click('options-save');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*', 'https://hooks.example.com/*'] });
    expect(byTestId('options-status')!.textContent).toBe('Saved.');
    const s = (await settingsItem.getValue())!;
    expect([s.version, s.crm]).toEqual([4, { ...DEFAULT_CRM, connector: 'webhook', webhook: { url: 'https://hooks.example.com/in', headers: [], secret: 'k3y' } }]);
  });

  it('blames only the CRM host when its permission is refused', async () => {
    request.mockResolvedValue(false);
    await click('options-crm-connector-webhook');
    await type('options-crm-webhook-url', 'https://hooks.example.com/in');
    await click('options-save');
    expect([...byTestId('options-error-summary')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'CRM sync › Webhook URL: Beckon needs permission to reach https://hooks.example.com/* to send events to this webhook.',
    ]);
    expect((await settingsItem.getValue())!.crm).toEqual(DEFAULT_CRM);
  });
});

describe('Test connection', () => {
  it('tests the unsaved draft: asks for the host in the click, shows Testing…, then the answer', async () => {
    let respond: (r: unknown) => void = () => {};
    answer = (_m, r) => ((respond = r), true);
    await click('options-crm-connector-webhook');
    await type('options-crm-webhook-url', ' https://hooks.example.com/in ');
    await click('options-crm-test');
    expect(request).toHaveBeenCalledWith({ origins: ['https://hooks.example.com/*'] });
    const button = byTestId<HTMLButtonElement>('options-crm-test')!;
    expect([button.textContent, button.disabled, button.getAttribute('aria-busy')]).toEqual(['Testing…', true, 'true']);
    expect(byTestId('options-crm-test-result')!.textContent).toBe('Testing…');
    expect(sent).toEqual([{ type: 'crm.test', crm: { ...DEFAULT_CRM, connector: 'webhook', webhook: { url: 'https://hooks.example.com/in', headers: [], secret: '' } } }]);

    await act(() => respond({ ok: false, message: 'The webhook answered HTTP 401.' }));
    await settle();
    const result = byTestId('options-crm-test-result')!;
    expect([result.getAttribute('role'), result.className, result.textContent]).toEqual(['status', 'crm-test-result error', 'The webhook answered HTTP 401.']);
    expect(byTestId<HTMLButtonElement>('options-crm-test')!.disabled).toBe(false);
    expect((await settingsItem.getValue())!.crm.connector).toBe('sandbox'); // a test saves nothing
  });

  it('refuses an invalid draft with errors at the fields, and sends nothing', async () => {
    await click('options-crm-connector-webhook');
    await type('options-crm-persona-contactId', '');
    await click('options-crm-test');
    expect(sent).toEqual([]);
    expect(request).not.toHaveBeenCalled();
    expect(byTestId('options-crm-test-result')!.textContent).toBe('Not tested: 2 problems to fix first (marked above).');
    expect(document.getElementById('f-crm-webhook-url-error')!.textContent).toBe('Webhook URL is required');
    expect(document.getElementById('f-crm-persona-contactId-error')!.textContent).toBe('ContactId is required');
    expect(document.activeElement).toBe(byTestId('options-crm-webhook-url'));
    expect(byTestId('options-error-summary')).toBeNull(); // the summary is about saving

    await type('options-crm-webhook-url', 'https://hooks.example.com/in');
    expect(document.getElementById('f-crm-webhook-url-error')).toBeNull(); // errors follow the edits
    expect(byTestId('options-crm-test-result')!.textContent).toBe('');
  });

  it('says so clearly when the background does not answer or cannot be reached', async () => {
    answer = () => undefined;
    await click('options-crm-test');
    expect(sent).toHaveLength(1);
    expect(byTestId('options-crm-test-result')!.textContent).toMatch(/^Beckon's background did not answer\. Reload the extension/);
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await click('options-crm-test');
    expect(byTestId('options-crm-test-result')!.textContent).toMatch(/^Could not reach Beckon's background \(No listeners available\)/);
    expect(byTestId('options-crm-test-result')!.className).toBe('crm-test-result error');
  });

  it('reports a refused permission without sending anything', async () => {
    request.mockResolvedValue(false);
    await click('options-crm-connector-webhook');
    await type('options-crm-webhook-url', 'https://hooks.example.com/in');
    await click('options-crm-test');
    expect(sent).toEqual([]);
    expect(byTestId('options-crm-test-result')!.textContent).toBe('Not tested: Beckon needs permission to reach https://hooks.example.com/* to send events to this webhook.');
  });
});

describe('the CRM sync log', () => {
  const ev = (over: Partial<CrmEvent>): CrmEvent => ({
    id: 'start:chat-aaaaaaaa1', chatKey: 'chat-aaaaaaaa1', kind: 'start', connector: 'sandbox', payload: {},
    state: 'sent', attempts: 0, createdAt: Date.now() - 60_000, notBefore: 0, interactionId: 'INT-1', ...over,
  });
  const cells = () => [...byTestId('options-crm-log')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1, 6).map((td) => td.textContent));

  it('shows events newest first with their state, follows storage, and retries', async () => {
    expect(byTestId('options-crm-log-empty')!.textContent).toMatch(/^Nothing synced yet/);
    const now = Date.now();
    await act(() => crmQueueItem.setValue([
      ev({}),
      ev({ id: 'end:chat-aaaaaaaa1', kind: 'end', state: 'pending', attempts: 2, lastError: 'HTTP 503', createdAt: now - 1_000, notBefore: now + 30_000, interactionId: undefined }),
      ev({ id: 'start:chat-bbbbbbbb2', chatKey: 'chat-bbbbbbbb2', connector: 'webhook', state: 'failed', attempts: 1, lastError: 'HTTP 401', createdAt: now - 2_000, interactionId: undefined }),
    ]));
    await settle();
    expect(cells()).toEqual([
      ['End', 'chat-aaa', 'Beckon Sandbox CRM', 'Waiting2 attempts failed; next try in 30 sHTTP 503', 'INT-1'],
      ['Start', 'chat-bbb', 'Webhook', 'FailedAfter 1 attempt; held until you retryHTTP 401', ''],
      ['Start', 'chat-aaa', 'Beckon Sandbox CRM', 'Delivered', 'INT-1'],
    ]);
    expect(byTestId('options-crm-log-2-retry')).toBeNull();
    expect(byTestId('options-crm-log-1-retry')!.getAttribute('aria-label')).toBe('Retry Start of chat chat-bbb');

    answer = (m, respond) => (respond({ ok: true, message: `Sending ${m.id} again now.` }), true);
    await click('options-crm-log-1-retry');
    expect(sent).toEqual([{ type: 'crm.retry', id: 'start:chat-bbbbbbbb2' }]);
    expect(byTestId('options-crm-log-message')!.textContent).toBe('Sending start:chat-bbbbbbbb2 again now.');

    const queue = (await crmQueueItem.getValue()) as CrmEvent[];
    await act(() => crmQueueItem.setValue(queue.map((e) => (e.chatKey === 'chat-bbbbbbbb2' ? { ...e, state: 'sent', lastError: undefined, interactionId: 'INT-2' } : e))));
    await settle();
    expect(cells()[1]).toEqual(['Start', 'chat-bbb', 'Webhook', 'Delivered', 'INT-2']);
    expect(byTestId('options-crm-log-1-retry')).toBeNull();
  });

  it('discards an event only after the user confirms', async () => {
    await act(() => crmQueueItem.setValue([
      ev({ id: 'start:chat-ccccccccc3', chatKey: 'chat-ccccccccc3', state: 'failed', attempts: 1, lastError: 'HTTP 401', interactionId: undefined }),
    ]));
    await settle();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await click('options-crm-log-0-discard');
    expect((confirm.mock.calls[0] as unknown as [string])[0]).toMatch(/^Discard this start and the rest of its chat’s undelivered events\?/);
    expect(sent).toEqual([]);
    confirm.mockReturnValueOnce(true);
    answer = (_m, respond) => (respond({ ok: true, message: 'Discarded.' }), true);
    await click('options-crm-log-0-discard');
    expect(sent).toEqual([{ type: 'crm.discard', id: 'start:chat-ccccccccc3' }]);
    expect(byTestId('options-crm-log-message')!.textContent).toBe('Discarded.');
    vi.unstubAllGlobals();
  });
});
