/**
 * The Pega desktop bridge (relay + main-world half) against the fixture page's pega.CS:
 * it obeys only the extension, answers each idempotency key once, and exposes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionIdIn } from '../../src/crm/pega-desktop';
import { PEGA_CALL_TAG, PEGA_REPLY_TAG } from '../../src/protocol/pega';
import { startPegaDesktopFixture, type PegaDesktopFixture } from '../e2e/support/pega-desktop-fixture';
import { openPegaDesktop } from './crm-pega-harness';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe('Pega desktop bridge', () => {
  let fx: PegaDesktopFixture;
  beforeAll(async () => {
    fx = await startPegaDesktopFixture();
  });
  afterAll(() => fx.close());

  it('calls pega.CS for the extension and answers a repeated key from memory', async () => {
    const desk = await openPegaDesktop(fx.pageUrl());
    const first = await desk.call('startInteraction', ['C', 'F', { ContactId: 'CONT-1' }], 'k-1');
    expect(first).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(await desk.call('startInteraction', ['C', 'F', { ContactId: 'CONT-1' }], 'k-1')).toEqual(first);
    expect(desk.calls().filter((c) => c.method === 'startInteraction')).toHaveLength(1);
    expect(await desk.call('probe', [], 'p-1')).toEqual({ startInteraction: true, switchInteraction: true, endInteraction: true });
    await desk.close();
  });

  it('ignores page messages without this page load’s nonce, from another origin, or of unknown methods', async () => {
    const desk = await openPegaDesktop(fx.pageUrl());
    const w = desk.window as any;
    w.postMessage({ beckonPega: PEGA_CALL_TAG, nonce: 'guessed', id: 'x', method: 'startInteraction', args: ['C', 'F', {}] }, fx.origin);
    w.dispatchEvent(new w.MessageEvent('message', { data: { beckonPega: PEGA_CALL_TAG, nonce: 'guessed', id: 'y', method: 'endInteraction', args: ['I-1'] }, origin: 'http://evil.example', source: w }));
    await tick();
    expect(desk.calls()).toEqual([]);
    // A forged reply does not answer a call that is waiting.
    const slow = await openPegaDesktop(fx.pageUrl('silent=startInteraction'));
    const pending = slow.call('startInteraction', ['C', 'F', {}], 'k-2').then(() => 'answered', (e: Error) => e.message);
    (slow.window as any).postMessage({ beckonPega: PEGA_REPLY_TAG, nonce: 'guessed', id: 'any', data: { interactionId: 'I-666' } }, fx.origin);
    expect(await pending).toMatch(/did not call back within 1 s/);
    // Malformed calls from the extension side are not taken either.
    expect(await desk.send({ type: 'pega.call', key: 'k', method: 'eval', args: [], timeoutMs: 100 })).toBeUndefined();
    expect(await desk.send({ type: 'pega.call', key: 'k', method: 'probe', args: 'no', timeoutMs: 100 })).toBeUndefined();
    await Promise.all([desk.close(), slow.close()]);
  });

  it('keeps its first nonce, and refuses calls before it has one', async () => {
    const desk = await openPegaDesktop(fx.pageUrl());
    expect(await desk.send({ type: 'pega.init', nonce: 'another' })).toBe(false);
    const bare = await openPegaDesktop(fx.pageUrl(), { installBridge: false });
    // This relay got its nonce but no bridge: calls time out instead of reaching pega.CS another way.
    await expect(bare.call('probe', [], 'p-2')).rejects.toMatchObject({ retryable: true });
    await Promise.all([desk.close(), bare.close()]);
  });

  it('answers only where the configured portal is: a relay on another page, or told a wildcard portal, refuses', async () => {
    for (const portal of ['https://pega.example.com/prweb/*', 'http://127.0.0.1/other-page.html*', 'http://*/*', '*://*.0.0.1/*']) {
      const wrong = await openPegaDesktop(fx.pageUrl(), { portal });
      await expect(wrong.call('startInteraction', ['C', 'F', { ContactId: 'CONT-1' }], 'w-1')).rejects.toMatchObject({
        message: expect.stringMatching(/^This tab is not the Pega desktop portal/), retryable: true,
      });
      // It took no nonce from the background either, so no bridge could be paired with it.
      expect(await wrong.send({ type: 'pega.init', nonce: 'fresh', portal })).toBe(false);
      expect(wrong.calls()).toEqual([]);
      await wrong.close();
    }
    // The right portal, but a call that names none (an older background) is refused too.
    const desk = await openPegaDesktop(fx.pageUrl());
    expect(await desk.send({ type: 'pega.call', key: 'k', method: 'probe', args: [], timeoutMs: 100 })).toMatchObject({ ok: false });
    expect(desk.calls()).toEqual([]);
    await desk.close();
  });

  it('defines no global in the page', async () => {
    const before = await openPegaDesktop(fx.pageUrl(), { installBridge: false });
    const after = await openPegaDesktop(fx.pageUrl());
    expect(Object.keys(after.window)).toEqual(Object.keys(before.window));
    await Promise.all([before.close(), after.close()]);
  });

  it('never calls pega.CS twice for a key: a retry after a time-out gets the late answer', async () => {
    const desk = await openPegaDesktop(fx.pageUrl('delay=1500'));
    await expect(desk.call('startInteraction', ['C', 'F', {}], 'k-3')).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/did not call back within 1 s/) });
    expect(await desk.call('startInteraction', ['C', 'F', {}], 'k-3')).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(desk.calls().filter((c) => c.method === 'startInteraction')).toHaveLength(1);
    const silent = await openPegaDesktop(fx.pageUrl('silent=switchInteraction'));
    await expect(silent.call('switchInteraction', ['I-1'], 'k-4')).rejects.toMatchObject({ retryable: true });
    await expect(silent.call('switchInteraction', ['I-1'], 'k-4')).rejects.toMatchObject({ retryable: true });
    expect(silent.calls().filter((c) => c.method === 'switchInteraction')).toHaveLength(1);
    await Promise.all([desk.close(), silent.close()]);
  });

  it('waits for a desktop whose pega.CS is not there yet, then calls it once', async () => {
    const desk = await openPegaDesktop(fx.pageUrl());
    const cs = (desk.window as any).pega;
    delete (desk.window as any).pega; // still loading, or signed out
    await expect(desk.call('startInteraction', ['C', 'F', {}], 'k-5')).rejects.toMatchObject({
      message: expect.stringMatching(/pega\.CS\.startInteraction is not available on this page yet/), retryable: true,
    });
    (desk.window as any).pega = cs;
    expect(await desk.call('startInteraction', ['C', 'F', {}], 'k-5')).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(desk.announced()).toBe(1); // the relay announced itself once, on start
    await desk.close();
  });

  it('reads the interaction id from the usual callback shapes', () => {
    expect(interactionIdIn({ interactionId: 'I-1' })).toBe('I-1');
    expect(interactionIdIn({ InteractionID: 'I-2' })).toBe('I-2');
    expect(interactionIdIn({ pzInsKey: 'PEGACA-WORK I-3' })).toBe('PEGACA-WORK I-3');
    expect(interactionIdIn(' I-4 ')).toBe('I-4');
    expect(interactionIdIn({ status: 'ok' })).toBeUndefined();
    expect(interactionIdIn(null)).toBeUndefined();
  });
});
