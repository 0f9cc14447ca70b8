/**
 * Proves the Firefox harness: the add-on installs under its pinned UUID with its manifest host
 * permissions granted, its event page runs and can be reached, its popup opens, and the event
 * page suspends (forced, and by the shortened idle timeout) and wakes again on a runtime message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { GECKO_ID } from './support/paths.ts';

type BrowserGlobal = {
  browser: { runtime: { id: string }; permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
};

describe('Firefox harness', () => {
  let ext: FirefoxExtension;
  beforeAll(async () => {
    ext = await launchFirefox({ idleTimeoutMs: 4_000 });
  });
  afterAll(() => ext?.close());

  it('installs the production build and runs its background page', async () => {
    expect(await ext.browser.version()).toMatch(/^firefox\//);
    expect(ext.addonId).toBe(GECKO_ID);
    await ext.waitForBackground('running');
    const href = await ext.evaluateInBackground((bg) => bg.location.href);
    expect(href).toBe(ext.url('_generated_background_page.html'));
  });

  it('opens the popup page at the pinned moz-extension:// UUID', async () => {
    const popup = await ext.openPopup();
    expect(await popup.evaluate(() => location.href)).toBe(ext.url(ext.manifest.action?.default_popup ?? 'popup.html'));
    expect(await popup.evaluate(() => (globalThis as unknown as BrowserGlobal).browser.runtime.id)).toBe(GECKO_ID);
    expect(await popup.evaluate(() => document.body.childElementCount)).toBeGreaterThan(0);
    await popup.close();
  });

  it('has the manifest host permissions from install, and no optional one', async () => {
    const popup = await ext.openPopup();
    const has = (origin: string) =>
      popup.evaluate((o: string) => (globalThis as unknown as BrowserGlobal).browser.permissions.contains({ origins: [o] }), origin);
    const declared = ext.manifest.host_permissions as string[];
    expect(declared).toContain('http://127.0.0.1/*'); // the Sandbox's host: the chat tests rely on it
    for (const origin of declared) expect(await has(origin), origin).toBe(true);
    expect(await has('https://example.com/*')).toBe(false); // optional: the user grants it per site
    await popup.close();
  });

  it('suspends the event page and a message starts a fresh one', async () => {
    const popup = await ext.openPopup();
    await ext.evaluateInBackground((bg) => ((bg as unknown as Record<string, unknown>).__beckonMarker = 'old'), popup);

    await ext.suspendBackground(); // resolves once Firefox reports it stopped (the open popup may wake it again)

    await ext.sendMessage({ type: 'e2e-wake' }, popup).catch(() => undefined);
    await ext.waitForBackground('running');
    expect(await ext.evaluateInBackground((bg) => (bg as unknown as Record<string, unknown>).__beckonMarker ?? null, popup)).toBeNull();
    await popup.close();
  });

  it('suspends the idle event page after extensions.background.idle.timeout', async () => {
    await ext.evaluateInBackground(() => true); // wakes it, then leaves it idle
    await ext.waitForBackground('running');
    await ext.waitForBackground('stopped', 15_000);
  });
});
