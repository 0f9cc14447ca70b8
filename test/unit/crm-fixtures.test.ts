/**
 * The e2e fixtures for the CRM connectors, lightly: the webhook receiver (recording, HMAC
 * check, failing on demand, waitFor) and the Pega desktop page (its `window.pega.CS`, run in a
 * happy-dom window with the script exactly as served).
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPegaDesktopFixture, type PegaCall, type PegaDesktopFixture } from '../e2e/support/pega-desktop-fixture.ts';
import { signBody, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver.ts';

describe('webhook receiver', () => {
  let rx: WebhookReceiver;
  beforeAll(async () => {
    rx = await startWebhookReceiver({ secret: 's3cret' });
  });
  afterAll(() => rx.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${rx.url}/hooks/crm?x=1`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body }).then((r) => r.status);

  it('records a signed request with its headers and raw body, and accepts it', async () => {
    const body = '{"type":"interaction.started","interactionId":"I-1"}';
    expect(await post(body, { 'X-Beckon-Signature': signBody('s3cret', body), 'X-Tenant': 'demo' })).toBe(204);
    const [r] = rx.received();
    expect(r).toMatchObject({ method: 'POST', path: '/hooks/crm?x=1', rawBody: body, json: { interactionId: 'I-1' }, signatureValid: true, status: 204 });
    expect(r!.headers['x-tenant']).toBe('demo');
    expect(signBody('s3cret', body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('refuses (401) and flags a missing or wrong signature', async () => {
    rx.clear();
    expect(await post('{}')).toBe(401);
    expect(await post('{"a":1}', { 'X-Beckon-Signature': signBody('other', '{"a":1}') })).toBe(401);
    expect(rx.received().map((r) => [r.signatureValid, r.status])).toEqual([[false, 401], [false, 401]]);
  });

  it('answers 503 while told to fail, then recovers; waitFor sees requests still to come', async () => {
    rx.clear();
    const body = '{"n":1}';
    const signed = { 'X-Beckon-Signature': signBody('s3cret', body) };
    rx.failFor(60_000);
    expect(await post(body, signed)).toBe(503);
    const later = rx.waitFor((r) => r.status === 204);
    rx.recover();
    expect(await post(body, signed)).toBe(204);
    expect((await later).rawBody).toBe(body);
    rx.failFor(50);
    await new Promise((r) => setTimeout(r, 80));
    expect(await post(body, signed)).toBe(204);
    await expect(rx.waitFor((r) => r.path === '/never', { timeoutMs: 100 })).rejects.toThrow(/Timed out/);
  });
});

describe('Pega desktop fixture page', () => {
  let fx: PegaDesktopFixture;
  beforeAll(async () => {
    fx = await startPegaDesktopFixture();
  });
  afterAll(() => fx.close());

  /** Loads the page as served and runs its script in a happy-dom window. */
  async function openPage(query?: string) {
    const html = await (await fetch(fx.pageUrl(query))).text();
    const js = await (await fetch(`${fx.origin}/pega-desktop.js`)).text();
    const window = new Window({ url: fx.pageUrl(query) });
    window.document.write(html.replace(/<script[^>]*><\/script>/, ''));
    new Function('window', 'document', 'URLSearchParams', js)(window, window.document, URLSearchParams);
    const cs = (window as any).pega.CS;
    const call = (method: string, ...args: unknown[]) => new Promise<any>((resolve) => cs[method](...args, resolve));
    return { window, call, calls: () => (window as any).__pegaCalls as PegaCall[] };
  }

  it('serves the page and its script, and nothing else', async () => {
    const page = await fetch(fx.pageUrl());
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<script src="/pega-desktop.js"></script>');
    expect((await fetch(`${fx.origin}/other`)).status).toBe(404);
  });

  it('starts, switches and ends interactions, calling back asynchronously and logging every call', async () => {
    const { window, call, calls } = await openPage();
    let answered: unknown;
    (window as any).pega.CS.startInteraction('PegaCA-Work-Interaction-Call', 'CPMInteraction',
      { ContactId: 'CONT-1', AccountNumber: '<b>1</b>', IsExternalAPICall: 'true' }, (data: unknown) => (answered = data));
    expect(answered).toBeUndefined(); // never synchronously, as a real desktop
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(await call('startInteraction', 'C', 'F', {})).toEqual({ interactionId: 'I-2', status: 'ok' });
    expect(await call('switchInteraction', 'I-1')).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(window.document.getElementById('pega-current')!.textContent).toBe('I-1');
    expect(await call('endInteraction', 'I-1')).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(await call('endInteraction', 'I-1')).toMatchObject({ status: 'error', message: 'interaction I-1 has ended' });
    expect(await call('switchInteraction', 'I-9')).toMatchObject({ status: 'error', message: 'no interaction I-9' });
    expect(calls().map((c) => [c.method, c.args[0]])).toEqual([
      ['startInteraction', 'PegaCA-Work-Interaction-Call'], ['startInteraction', 'C'], ['switchInteraction', 'I-1'],
      ['endInteraction', 'I-1'], ['endInteraction', 'I-1'], ['switchInteraction', 'I-9'],
    ]);
    expect(calls()[0]!.args[2]).toEqual({ ContactId: 'CONT-1', AccountNumber: '<b>1</b>', IsExternalAPICall: 'true' });
    const log = [...window.document.querySelectorAll('[data-testid="pega-call"]')];
    expect(log.map((li) => li.getAttribute('data-method'))).toHaveLength(6);
    expect(log[0]!.textContent).toContain('"ContactId":"CONT-1"');
    expect(window.document.querySelector('#pega-log b')).toBeNull(); // params shown as text
    await window.happyDOM.close();
  });

  it('fails the methods named in ?fail=', async () => {
    const { window, call } = await openPage('fail=endInteraction');
    expect(await call('startInteraction', 'C', 'F', {})).toEqual({ interactionId: 'I-1', status: 'ok' });
    expect(await call('endInteraction', 'I-1')).toMatchObject({ interactionId: 'I-1', status: 'error' });
    expect(await call('switchInteraction', 'I-1')).toEqual({ interactionId: 'I-1', status: 'ok' }); // not ended
    await window.happyDOM.close();
  });
});
