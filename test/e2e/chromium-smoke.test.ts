/**
 * Proves the Chromium harness: the production build loads, its service worker runs, its
 * popup opens without errors, and a worker stopped through CDP starts afresh when an
 * extension message wakes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';

type ChromeGlobal = { chrome: { runtime: { id: string; sendMessage(m: unknown): Promise<unknown> } } };

describe('Chromium harness', () => {
  let ext: ChromiumExtension;
  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(() => ext?.close());

  it('loads the production build and finds its service worker', async () => {
    expect(ext.manifest.manifest_version).toBe(3);
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await ext.serviceWorker();
    expect(worker.url()).toBe(ext.url('background.js'));
    expect(await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.id)).toBe(ext.extensionId);
  });

  it('opens the popup page without page errors', async () => {
    const errors: Error[] = [];
    ext.context.on('weberror', (e) => errors.push(e.error()));
    const popup = await ext.openPopup();
    await popup.waitForLoadState('load');
    expect(popup.url()).toBe(ext.url(ext.manifest.action?.default_popup ?? 'popup.html'));
    expect(await popup.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.id)).toBe(ext.extensionId);
    expect(await popup.evaluate(() => document.body.childElementCount)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('stops the service worker via CDP and a message starts a fresh one', async () => {
    const before = await ext.serviceWorker();
    await before.evaluate(() => ((globalThis as Record<string, unknown>).__beckonMarker = 'old instance'));

    await ext.stopServiceWorker();
    expect(await ext.isServiceWorkerRunning()).toBe(false);

    // Any runtime message wakes the worker; without a listener for it the sender gets an error.
    const popup = await ext.openPopup();
    await ext.sendMessage({ type: 'e2e-wake' }, popup).catch(() => undefined);
    const after = await ext.serviceWorker();
    expect(await ext.isServiceWorkerRunning()).toBe(true);
    expect(await after.evaluate(() => (globalThis as Record<string, unknown>).__beckonMarker)).toBeUndefined();
    await popup.close();
  });
});
