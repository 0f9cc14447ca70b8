// @vitest-environment happy-dom
/**
 * The demo profile editor on the options page: colours below WCAG AA are refused at the field
 * that fails with the pair and the shortfall, a logo over the cap or of another kind is refused
 * at once, and a valid profile is saved as edited.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profiles/profile';
import { ProfileEditor } from '../../src/ui/options/ProfileEditor';
import { serveCatalogs } from './visitor-words';

let root: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
beforeEach(() => void serveCatalogs());
afterEach(() => {
  render(null, root);
  root.remove();
});
const type = (el: HTMLInputElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

async function mountEditor() {
  const saved: Profile[] = [];
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<ProfileEditor profile={{ ...DEFAULT_PROFILE, id: 'bank', name: 'Bank' }} onSave={async (p) => void saved.push(p)} />, root));
  return saved;
}

describe('ProfileEditor', () => {
  it('refuses text on accent below 4.5:1 at that field, saying by how much, and saves nothing', async () => {
    const saved = await mountEditor();
    await type(byTestId<HTMLInputElement>('options-profile-accentInk')!, '#8080ff');
    await act(() => byTestId('options-profile-save')!.click());
    expect(root.querySelector('[data-testid="f-profile-accentInk-error"]')?.textContent).toMatch(/^Text on accent contrast is \d\.\d\d:1, below the 4\.5:1 that WCAG AA asks for text \(\d\.\d\d short\)$/);
    expect(byTestId<HTMLInputElement>('options-profile-accentInk')!.getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });

  it('refuses a logo that is too large or not a raster image, and saves a valid edit', async () => {
    const saved = await mountEditor();
    const input = byTestId<HTMLInputElement>('options-profile-logo')!;
    for (const file of [new File([new Uint8Array(60_000)], 'big.png', { type: 'image/png' }), new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })]) {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(() => {
        input.dispatchEvent(new Event('change'));
      });
    }
    expect(root.querySelector('[data-testid="f-profile-logo-error"]')?.textContent).toBe('logo.svg is not a PNG, JPEG, WebP or GIF image.');
    await type(byTestId<HTMLInputElement>('options-profile-brand')!, 'Bank AG Hilfe');
    await type(byTestId<HTMLInputElement>('options-profile-accent')!, '#004b87');
    await act(() => byTestId('options-profile-save')!.click());
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(saved).toEqual([expect.objectContaining({ id: 'bank', brand: 'Bank AG Hilfe', accent: '#004b87' })]);
    expect(byTestId('options-profile-status')!.textContent).toBe('Saved.');
  });

  it('shows a live preview of the card and the chat window that follows every edit, saved or not', async () => {
    await mountEditor();
    const preview = () => byTestId('options-profile-preview')!;
    const inPreview = (id: string) => preview().querySelector<HTMLElement>(`[data-testid="${id}"]`);
    await vi.waitFor(() => expect(inPreview('beckon-offer-accept')?.textContent).toBe('Start chat'));
    expect(inPreview('beckon-title')?.textContent).toBe('Beckon chat · Billing');
    await type(byTestId<HTMLInputElement>('options-profile-brand')!, 'Nordbank');
    await type(byTestId<HTMLInputElement>('options-profile-accent')!, '#0b5d3b');
    await act(() => {
      const select = byTestId<HTMLSelectElement>('options-profile-language')!;
      select.value = 'de';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(inPreview('beckon-offer-accept')?.textContent).toBe(visitorDe['offer.accept']));
    const stage = preview().querySelector<HTMLElement>('.profile-preview-stage')!;
    expect([stage.lang, stage.dir, stage.style.getPropertyValue('--bk-accent')]).toEqual(['de', 'ltr', '#0b5d3b']);
    expect(inPreview('beckon-brand')?.textContent).toBe('Nordbank');
    expect(inPreview('beckon-title')?.textContent).toBe('Nordbank · Billing');
    expect(inPreview('beckon-offer-topic')?.textContent).toBe(visitorDe['offer.question']);
    expect(stage.hasAttribute('inert')).toBe(true); // a picture of the widget, not a second one to use
    expect(byTestId('options-profile-status')!.textContent).toBe(''); // nothing was saved
  });
});
