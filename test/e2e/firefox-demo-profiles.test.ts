/**
 * Demo profiles (issue 13) in real Firefox ESR against a real Sandbox: a branded German profile
 * on the demo site (brand, logo, colours, German words, nothing English in the page UI), its
 * offer fired by the presenter's keyboard shortcut, the one the manifest's `commands` declare.
 * Screenshots of the branded card and window are kept under test-results/e2e/ when a test fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de.ts';
import { PRESENTER_COMMANDS } from '../../src/core/presenter.ts';
import type { Rule } from '../../src/core/rules/rule-schema.ts';
import { DEFAULT_RULE, DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { failureScreenshots } from './support/artifacts.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { storeFirefoxSettings } from './support/firefox-extension-page.ts';
import { clickInFirefoxPageUi, currentFirefoxPageUi, firefoxUiTexts, typeInFirefoxPageUi, waitInFirefoxPageUi } from './support/firefox-page-ui.ts';
import { englishIn, NORDBANK, profileSettings, renderedTexts, rgb } from './support/profiles.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

/** Fires only through the presenter: ten minutes on a page is longer than any test. */
const PRESENTER_RULE: Rule = { ...DEFAULT_RULE, offerText: 'Fragen zu Ihrer Rechnung?', conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 600 }] };

/**
 * Presses a presenter shortcut as the browser sees it: the key the add-on registered for the
 * command (read back from the browser window's keysets, so a manifest without it fails here),
 * typed into the browser window through Firefox's text input processor, modifiers held.
 */
function pressShortcut(ext: FirefoxExtension, shortcut: string): Promise<{ registered: boolean }> {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const modifiers = parts.map((m) => m.toLowerCase()).sort().join(',');
  return ext.chromeEval(`(() => {
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const registered = [...win.document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')]
      .some((k) => k.getAttribute('key') === ${JSON.stringify(key)} && k.getAttribute('modifiers').split(',').sort().join(',') === ${JSON.stringify(modifiers)});
    if (!registered) return { registered };
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(win)) throw new Error('no input transaction');
    const KE = win.KeyboardEvent;
    const keys = [...${JSON.stringify(parts)}.map((m) => new KE('', { key: m, code: m + 'Left', keyCode: KE['DOM_VK_' + m.toUpperCase()] })),
      new KE('', { key: ${JSON.stringify(key)}, code: 'Key' + ${JSON.stringify(key)}, keyCode: KE['DOM_VK_' + ${JSON.stringify(key)}] })];
    for (const k of keys) tip.keydown(k);
    for (const k of keys.reverse()) tip.keyup(k);
    return { registered };
  })()`);
}

describe('demo profiles (Firefox)', () => {
  let sandbox: TestSandbox;
  let ext: FirefoxExtension;
  let agent: AgentClient;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchFirefox();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    await storeFirefoxSettings(ext, profileSettings(DEFAULT_SETTINGS, sandbox.url, NORDBANK.id, [PRESENTER_RULE]));
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('Alt+Shift+O offers a chat on the tab, with the German brand\'s card and window, nothing English', async ({ task }) => {
    const shots = failureScreenshots(task.name);
    const page = await ext.browser.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await page.bringToFront();
    await page.waitForSelector('#payment-heading');
    expect(await currentFirefoxPageUi(page)).toBeUndefined();

    expect(PRESENTER_COMMANDS['offer-now'].key).toBe('Alt+Shift+O');
    expect(await pressShortcut(ext, PRESENTER_COMMANDS['offer-now'].key)).toEqual({ registered: true });
    const ui = await waitInFirefoxPageUi(page, 'beckon-offer', 15_000);
    await shots.shot('branded card', page);
    const card = await ui.evaluate(() => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`)!;
      const accept = getComputedStyle(q('beckon-offer-accept'));
      return {
        brand: q('beckon-brand').textContent, logo: q('beckon-logo').getAttribute('src'), eyebrow: q('beckon-eyebrow').textContent,
        accept: q('beckon-offer-accept').textContent, background: accept.backgroundColor, color: accept.color, lang: document.documentElement.lang,
      };
    });
    expect(card).toEqual({
      brand: 'Nordbank', logo: NORDBANK.logo, eyebrow: NORDBANK.eyebrow, accept: visitorDe['offer.accept'],
      background: rgb(NORDBANK.accent), color: rgb(NORDBANK.accentInk), lang: 'de',
    });
    expect(englishIn(await ui.evaluate(renderedTexts), visitorDe)).toEqual([]);
    const outcomes = await ext.evaluateInBackground(async (bg: any) => (await bg.browser.storage.local.get('outcomes')).outcomes);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'offered', presenter: true });

    await clickInFirefoxPageUi(page, 'beckon-offer-accept');
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered', { timeoutMs: 15_000 });
    await agent.accept(chat.id, 'Anna');
    await agent.send(chat.id, 'Guten Tag!');
    await waitFor(async () => (await firefoxUiTexts(page, 'beckon-chat-status')).includes('Im Chat mit Anna'), { what: 'the German status' });
    await typeInFirefoxPageUi(page, 'beckon-composer', 'Eine Frage zur Rechnung', { enter: true });
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === 'Eine Frage zur Rechnung'), { what: 'the visitor\'s message at the agent' });
    await shots.shot('branded chat window', page);
    const window = await waitInFirefoxPageUi(page, 'beckon-title');
    expect(await window.evaluate(() => document.querySelector('[data-testid="beckon-title"]')!.textContent)).toContain('Nordbank');
    expect(englishIn(await window.evaluate(renderedTexts), visitorDe)).toEqual([]);
    await agent.stop(chat.id);
    await waitFor(async () => (await firefoxUiTexts(page, 'beckon-chat-status')).includes(visitorDe['status.ended']), { what: 'the chat to end in German' });
    await page.close();
  });
});
