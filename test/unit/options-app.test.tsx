// @vitest-environment happy-dom
/**
 * The whole options page on WXT's fake browser: nothing is stored while the form or an
 * imported file is invalid; valid saves and confirmed imports are; export downloads a file;
 * the outcome log shows newest first and clears.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { outcomesItem, settingsItem } from '../../src/protocol/storage';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

let root: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
/** Lets storage promises and the renders they cause settle. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 10)));
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = async (id: string) => {
  await act(() => byTestId(id)!.click());
  await settle();
};
const stored = () => settingsItem.getValue();

let request: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  request = vi.fn().mockResolvedValue(true);
  // The fake browser does not implement permissions; the page must ask before saving.
  Object.assign(browser.permissions, { request, remove: vi.fn().mockResolvedValue(true) });
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OptionsApp />, root));
  await settle();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('saving the form', () => {
  it('refuses an invalid form, lists the problems, focuses the summary, and stores nothing', async () => {
    await type(byTestId<HTMLInputElement>('options-rule-0-queue')!, '');
    await type(byTestId<HTMLInputElement>('options-rule-0-condition-0-min')!, '-5');
    await click('options-save');
    const summary = byTestId('options-error-summary')!;
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Rule 1 “Billing help” › Condition 1 › At least: Threshold cannot be negative',
      'Rule 1 “Billing help” › Queue: Queue is required',
    ]);
    expect(document.activeElement).toBe(summary);
    expect(byTestId('options-rule-0-queue')!.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('options-status')!.textContent).toMatch(/^Not saved: 2 problems/);
    expect(request).not.toHaveBeenCalled();
    expect(await stored()).toEqual(DEFAULT_SETTINGS); // the fallback: nothing was written

    // Errors follow the edits: fixing one removes it at once.
    await type(byTestId<HTMLInputElement>('options-rule-0-queue')!, 'Loans');
    expect(byTestId('options-error-summary')!.querySelectorAll('li')).toHaveLength(1);
    expect(byTestId('options-rule-0-queue')!.hasAttribute('aria-invalid')).toBe(false);
  });

  it('saves a valid form after the backend permission is granted', async () => {
    await type(byTestId<HTMLInputElement>('options-backendUrl')!, 'http://127.0.0.1:7500');
    await type(byTestId<HTMLInputElement>('options-rule-0-condition-0-min')!, '2');
    await click('options-add-rule');
    await type(byTestId<HTMLInputElement>('options-rule-1-offerText')!, 'Need a hand?');
    await click('options-rule-1-move-up');
    await click('options-save');
    expect(byTestId('options-status')!.textContent).toBe('Saved.');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    const s = (await stored())!;
    expect(s.backend.url).toBe('http://127.0.0.1:7500');
    expect(s.rules.map((r) => [r.id, r.offerText])).toEqual([['rule-2', 'Need a hand?'], ['default', DEFAULT_SETTINGS.rules[0]!.offerText]]);
    expect(s.rules[1]!.conditions).toEqual([{ kind: 'signal', signal: 'visibleSeconds', min: 2 }]);
  });

  it('saves a GMS backend chosen in the Chat API select, and refuses a bad service name first', async () => {
    const kind = byTestId<HTMLSelectElement>('options-backendKind')!;
    await act(() => {
      kind.value = 'gms';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type(byTestId<HTMLInputElement>('options-serviceName')!, 'chat service');
    await click('options-save');
    expect([...byTestId('options-error-summary')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Chat backend › Service name: Service name may use only letters, digits, ".", "_" and "-", e.g. request-chat',
    ]);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
    await type(byTestId<HTMLInputElement>('options-serviceName')!, 'customer-support');
    await click('options-save');
    expect(byTestId('options-status')!.textContent).toBe('Saved.');
    expect((await stored())!.backend).toEqual({ kind: 'gms', url: DEFAULT_SETTINGS.backend.url, serviceName: 'customer-support', nickname: 'Visitor' });
  });

  it('does not save when the backend permission is refused, and says so at the field', async () => {
    request.mockResolvedValue(false);
    await type(byTestId<HTMLInputElement>('options-nickname')!, 'Guest');
    await click('options-save');
    expect(byTestId('options-status')!.textContent).toBe('Not saved.');
    expect(document.getElementById('f-backend-url-error')!.textContent).toMatch(/needs permission to reach http:\/\/127\.0\.0\.1\/\*/);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('import and export', () => {
  const paste = async (text: string) => {
    await type(byTestId<HTMLTextAreaElement>('options-import-text')!, text);
    await click('options-import-check');
  };

  it('lists every problem of an invalid file and saves nothing', async () => {
    await paste(JSON.stringify({ ...DEFAULT_SETTINGS, privacyGuard: 'yes', rules: [{ ...DEFAULT_SETTINGS.rules[0], include: ['/(/'] }] }));
    const errors = byTestId('options-import-errors')!;
    expect([...errors.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'rules.0.include.0: Invalid regular expression: /(/: Unterminated group',
      'privacyGuard: Expected boolean, received string',
    ]);
    expect(byTestId('options-import-confirm')).toBeNull();
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a chosen file, previews the changes, and saves only on confirm', async () => {
    const next: Settings = { ...structuredClone(DEFAULT_SETTINGS), privacyGuard: false, enabledSites: ['https://shop.example.com/*'] };
    const input = byTestId<HTMLInputElement>('options-import-file')!;
    const file = new File([JSON.stringify(next)], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    const preview = byTestId('options-import-preview')!;
    expect(preview.textContent).toContain('mine.json is valid');
    expect([...preview.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Privacy guard: on → off',
      'Enabled sites added: https://shop.example.com/*',
      'Enabled sites removed: http://127.0.0.1/demo/*, http://localhost/demo/*',
    ]);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
    await click('options-import-confirm');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*', 'https://shop.example.com/*'] });
    expect(await stored()).toEqual(next);
    expect(browser.permissions.remove).toHaveBeenCalledWith({ origins: ['http://localhost/*'] });
    expect(byTestId<HTMLInputElement>('options-privacyGuard')!.checked).toBe(false);
  });

  it('cancel leaves the settings alone', async () => {
    await paste(JSON.stringify({ ...DEFAULT_SETTINGS, privacyGuard: false }));
    await click('options-import-cancel');
    expect(byTestId('options-import-preview')).toBeNull();
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('exports the saved settings as beckon-settings.json', async () => {
    let blob: Blob | undefined;
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:x'));
    const clicks: HTMLAnchorElement[] = [];
    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    await click('options-export');
    expect(clicks.map((a) => [a.download, a.getAttribute('href')])).toEqual([['beckon-settings.json', 'blob:x']]);
    expect(JSON.parse(await blob!.text())).toEqual(DEFAULT_SETTINGS);
    expect(root.ownerDocument.querySelector('a[download]')).toBeNull(); // the temporary link is gone
    createObjectURL.mockRestore();
    anchorClick.mockRestore();
  });
});

describe('outcome log', () => {
  it('shows outcomes newest first, follows storage, and clears', async () => {
    await act(() => outcomesItem.setValue([
      { at: 1_000, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/a', outcome: 'offered' },
      { at: 2_000, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/b', outcome: 'suppressed', reason: 'the daily cap of 5 offers is reached' },
    ]));
    await settle();
    const rows = [...byTestId('options-outcomes')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    expect(rows).toEqual([
      ['Suppressed', 'Billing help', 'http://127.0.0.1/b', 'the daily cap of 5 offers is reached'],
      ['Offered', 'Billing help', 'http://127.0.0.1/a', ''],
    ]);
    await click('options-outcomes-clear');
    expect(await outcomesItem.getValue()).toEqual([]);
    expect(byTestId('options-outcomes-empty')).not.toBeNull();
  });
});
