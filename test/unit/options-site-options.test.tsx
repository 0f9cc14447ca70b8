// @vitest-environment happy-dom
/**
 * An enabled site's own options on the options page: the page API switch says what it
 * allows, saves at once, and a wait or queue the schema refuses is said and not saved.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SiteOptions } from '../../src/core/settings';
import { describeChanges } from '../../src/ui/options/changes';
import { SiteOptionsFields } from '../../src/ui/options/SiteOptionsFields';

let root: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The fields over a saved value, as the options page holds it; `saved` records every save. */
async function mountFields(initial?: SiteOptions) {
  const saved: SiteOptions[] = [];
  function Harness() {
    const [options, setOptions] = useState(initial);
    return <SiteOptionsFields pattern="https://shop.example/*" index={0} options={options} onSave={async (o) => void (saved.push(o), setOptions(o))} />;
  }
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<Harness />, root));
  return saved;
}
const change = (el: HTMLInputElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('SiteOptionsFields', () => {
  it('is off by default, warns what switching it on allows, and saves the switch at once', async () => {
    const saved = await mountFields();
    const box = byTestId<HTMLInputElement>('options-site-pageapi-0')!;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/can then offer chats, start chats, and read the chats they started/);
    expect(byTestId('options-site-wait-0')).toBeNull();
    await act(() => box.click());
    expect(saved).toEqual([{ pageApi: true, offerWaitSeconds: 0, chatQueue: '', profileId: 'default' }]);
    expect(byTestId('options-site-wait-0')).not.toBeNull();
  });

  it('saves a valid wait and queue, and refuses a wait out of range with a message naming the field', async () => {
    const saved = await mountFields({ pageApi: true, offerWaitSeconds: 0, chatQueue: '', profileId: 'default' });
    await change(byTestId<HTMLInputElement>('options-site-wait-0')!, '45');
    await change(byTestId<HTMLInputElement>('options-site-queue-0')!, ' Loans ');
    await change(byTestId<HTMLInputElement>('options-site-wait-0')!, '99999');
    expect(saved).toEqual([{ pageApi: true, offerWaitSeconds: 45, chatQueue: '', profileId: 'default' }, { pageApi: true, offerWaitSeconds: 45, chatQueue: 'Loans', profileId: 'default' }]);
    expect(byTestId('options-site-error-0')!.textContent).toMatch(/^Page offer wait \(seconds\): .*3600/);
  });
});

describe('describeChanges', () => {
  it('says when an import switches a site\'s page API on', () => {
    const site = 'https://shop.example/*';
    const after = { ...DEFAULT_SETTINGS, enabledSites: [site], siteOptions: { [site]: { pageApi: true, offerWaitSeconds: 0, chatQueue: '', profileId: 'default' } } };
    expect(describeChanges({ ...DEFAULT_SETTINGS, enabledSites: [site] }, after)).toEqual([`Site ${site} › Page API: off → on`]);
  });
});
