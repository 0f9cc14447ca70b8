/** The demo site, the console assets and the landing page. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const get = (path: string) => fetch(t.sb.url + path, { redirect: 'manual' });
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('demo site', () => {
  it.each([
    ['/demo/', 'Home — Beckon Bank'],
    ['/demo/index.html', 'Home — Beckon Bank'],
    ['/demo/bill-payment.html', 'Bill Payment — Beckon Bank'],
    ['/demo/loans.html', 'Loans — Beckon Bank'],
    ['/demo/strict-csp.html', 'Security Centre — Beckon Bank'],
  ])('serves %s titled "%s" with a nav to the other pages', async (path, expected) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(title(html)).toBe(expected);
    for (const link of ['href="/demo/"', 'href="/demo/bill-payment.html"', 'href="/demo/loans.html"']) expect(html).toContain(link);
    // No third-party assets: every src/href is same-origin or a fragment.
    expect(html.match(/(?:src|href)="(?!\/|#)[^"]*"/g)).toBeNull();
  });

  it('serves the bill payment form', async () => {
    const html = await (await get('/demo/bill-payment.html')).text();
    expect(html).toMatch(/<form[^>]*>/);
    expect(html).toContain('id="amount"');
  });

  it('serves strict-csp.html with a strict CSP and no inline code', async () => {
    const res = await get('/demo/strict-csp.html');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script|<style|style="/);
    expect((await get('/demo/')).headers.get('content-security-policy')).toBeNull();
  });

  it('serves its stylesheet and logo, redirects /demo and does not serve other files', async () => {
    expect((await get('/demo/site.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('/demo/logo.svg')).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const redirect = await get('/demo');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/demo/']);
    expect((await get('/demo/../server.ts')).status).toBe(404);
    expect((await get('/demo/%2e%2e/server.ts')).status).toBe(404);
  });
});

describe('console and landing page', () => {
  it('serves the console page, its bundle and its styles under a strict CSP', async () => {
    const page = await get('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await page.text();
    expect(html).toContain('/console/app.js');
    const js = await get('/console/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await js.text();
    expect(code.length).toBeGreaterThan(5000);
    expect(code).toContain('/api/v2/me/notifications'); // the bundle contains the app, not just Preact
    expect(code.includes('Agent console')).toBe(true);
    expect((await get('/console/styles.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('/console')).headers.get('location')).toBe('/console/');
  });

  it('never renders markup from data in the console sources', () => {
    const dir = fileURLToPath(new URL('../../sandbox/console/', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect([f, readFileSync(join(dir, f), 'utf8')]).not.toEqual([f, expect.stringMatching(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML/)]);
  });

  it('serves a landing page that names the ContactCenterId', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain(t.sb.contactCenterId);
    expect(html).toContain('href="/console/"');
  });
});
