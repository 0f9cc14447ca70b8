/**
 * Demo profiles and presenter controls (issue 13) in real Chromium against a real Sandbox, on the
 * demo site: a branded German profile (brand, colours, logo; no English string anywhere in the
 * page UI, scanned against the English catalog), an Arabic one laid out right to left, the
 * popup's "Offer now" and "Offer in N s" (with Cancel), a click trigger, and one prospect's demo
 * exported from this browser and imported into a fresh one. Screenshots of the branded card and
 * window are kept under test-results/e2e/ when a test fails.
 */
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { visitorAr } from '../../src/core/i18n/catalogs/visitor-ar.ts';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de.ts';
import { DEFAULT_RULE, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { Rule } from '../../src/core/rules/rule-schema.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { failureScreenshots } from './support/artifacts.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { newVisitor, tabIdOf } from './support/crm.ts';
import { pageUi } from './support/page-ui.ts';
import { DEMO_SITE, englishIn, NORDBANK, profileSettings, renderedTexts, rgb, SAHARA } from './support/profiles.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { sendAsVisitor, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';

/** Fires only through the presenter: ten minutes on a page is longer than any test. */
const PRESENTER_RULE: Rule = { ...DEFAULT_RULE, offerText: 'Fragen zu Ihrer Rechnung? Wir sind für Sie da.', conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 600 }] };
/** Offers when the bill payment's Review button is clicked. */
const CLICK_RULE: Rule = {
  ...DEFAULT_RULE, id: 'review-click', name: 'Review clicked', include: ['**/bill-payment.html*'], offerText: 'Fragen zur Überweisung?',
  conditions: [{ kind: 'elementClicked', selector: 'button.button' }],
};

describe('demo profiles and presenter controls (Chromium)', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  const known = new Set<string>();

  const storedSettings = async (target = ext): Promise<Settings> =>
    (await target.serviceWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings) as Promise<Settings>;
  const useProfile = async (profileId: string, target = ext) => {
    const next = profileSettings((await storedSettings(target)) ?? DEFAULT_SETTINGS, sandbox.url, profileId, [PRESENTER_RULE, CLICK_RULE]);
    await (await target.serviceWorker()).evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), next);
  };
  const openDemo = async (target = ext) => {
    const page = await target.context.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    return page;
  };
  /** The popup pinned to `page`'s tab, as the presenter opens it from the toolbar. */
  const popupFor = async (page: Page, target = ext) => target.openPage(`popup.html?tab=${await tabIdOf(target, page)}`);
  const offerNow = async (page: Page, target = ext) => {
    const popup = await popupFor(page, target);
    await popup.getByTestId('presenter-offer-now').click();
    await popup.close();
    const ui = await pageUi(page);
    await ui.getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    return ui;
  };
  const english = async (ui: Frame, catalog: typeof visitorDe) => englishIn(await ui.evaluate(renderedTexts), catalog);
  const styleOf = (ui: Frame, testId: string, property: string) =>
    ui.getByTestId(testId).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  const newChat = async () => {
    const chat = await agent.waitForInteraction((i) => !known.has(i.id) && i.state === 'Offered');
    known.add(chat.id);
    return chat;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
  });
  beforeEach(async () => {
    await useProfile(NORDBANK.id);
    await newVisitor(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('a branded German profile: brand, colours and logo on the card and the window, and not one English string', async ({ task }) => {
    const shots = failureScreenshots(task.name);
    const page = await openDemo();
    const ui = await offerNow(page);
    await shots.shot('branded card', page);

    expect(await ui.getByTestId('beckon-brand').textContent()).toBe('Nordbank');
    expect(await ui.getByTestId('beckon-logo').getAttribute('src')).toBe(NORDBANK.logo);
    expect(await ui.getByTestId('beckon-logo').getAttribute('alt')).toBe('Nordbank');
    expect(await ui.getByTestId('beckon-eyebrow').textContent()).toBe('Nordbank hilft');
    expect(await ui.getByTestId('beckon-offer-accept').textContent()).toBe(visitorDe['offer.accept']);
    expect(await ui.getByTestId('beckon-offer-decline').textContent()).toBe(visitorDe['offer.decline']);
    expect(await styleOf(ui, 'beckon-offer-accept', 'background-color')).toBe(rgb(NORDBANK.accent));
    expect(await styleOf(ui, 'beckon-offer-accept', 'color')).toBe(rgb(NORDBANK.accentInk));
    expect(await ui.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
    expect(await english(ui, visitorDe)).toEqual([]);

    await ui.getByTestId('beckon-offer-accept').click();
    const chat = await newChat();
    // Before the agent: the waiting status, in German.
    await ui.getByTestId('beckon-chat-status').getByText(visitorDe['status.waiting']).waitFor({ timeout: 10_000 });
    expect(await english(ui, visitorDe)).toEqual([]);
    await agent.accept(chat.id, 'Anna');
    await agent.send(chat.id, 'Guten Tag! Wie kann ich helfen?');
    await ui.getByTestId('beckon-chat-status').getByText('Im Chat mit Anna').waitFor({ timeout: 10_000 });
    await waitForVisitorMessage(page, 'Guten Tag! Wie kann ich helfen?');
    await sendAsVisitor(page, 'Meine Rechnung ist zu hoch.');
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === 'Meine Rechnung ist zu hoch.'), { what: 'the visitor\'s message at the agent' });
    await shots.shot('branded chat window', page);

    expect(await ui.getByTestId('beckon-title').textContent()).toContain('Nordbank');
    expect(await styleOf(ui, 'beckon-send', 'background-color')).toBe(rgb(NORDBANK.accent));
    expect(await ui.getByTestId('beckon-composer').getAttribute('placeholder')).toBe(visitorDe['composer.placeholder']);
    // Times in the German locale: 24-hour "14:05", never "2:05 PM".
    const meta = await ui.locator('.bk-meta').allTextContents();
    expect(meta.some((m) => m.startsWith(`${visitorDe['chat.you']} · `))).toBe(true);
    for (const m of meta) expect(m).toMatch(/· \d{1,2}:\d{2}(?!\s*[AP]M)/);
    expect(await english(ui, visitorDe)).toEqual([]);

    await agent.stop(chat.id);
    await ui.getByTestId('beckon-chat-status').getByText(visitorDe['status.ended']).waitFor({ timeout: 10_000 });
    expect(await english(ui, visitorDe)).toEqual([]);

    // The popup's chat speaks the tab's language too (its own presenter parts stay staff-facing).
    const popup = await popupFor(page);
    const visitorPart = popup.locator('[lang="de"]').first();
    await visitorPart.getByTestId('beckon-chat-status').getByText(visitorDe['status.ended']).waitFor({ timeout: 10_000 });
    expect(englishIn([await visitorPart.innerText()], visitorDe)).toEqual([]);
    await popup.close();

    const outcomes = await (await ext.serviceWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get('outcomes')).outcomes as any[]);
    expect(outcomes.slice(-2).map((o) => [o.outcome, o.presenter])).toEqual([['offered', true], ['accepted', true]]);
    await page.close();
  });

  it('an Arabic profile lays the card and the chat out right to left, in the bottom-left corner', async ({ task }) => {
    await useProfile(SAHARA.id);
    const shots = failureScreenshots(task.name);
    const page = await openDemo();
    const ui = await offerNow(page);
    await shots.shot('arabic card', page);
    expect(await ui.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await ui.getByTestId('beckon-brand').textContent()).toBe(SAHARA.brand);
    expect(await ui.getByTestId('beckon-eyebrow').textContent()).toBe(visitorAr['offer.eyebrow']);
    expect(await ui.getByTestId('beckon-offer-accept').textContent()).toBe(visitorAr['offer.accept']);
    expect(await styleOf(ui, 'beckon-offer', 'direction')).toBe('rtl');
    // The corner the profile names: the frame hugs the left edge of the viewport.
    const frameBox = await (await ui.frameElement()).boundingBox();
    const width = page.viewportSize()!.width;
    expect(frameBox!.x).toBeLessThan(width / 4);
    expect(frameBox!.x + frameBox!.width).toBeLessThan(width / 2);
    // Right to left: the first button (Start chat) sits to the right of the second.
    const [accept, decline] = [await ui.getByTestId('beckon-offer-accept').boundingBox(), await ui.getByTestId('beckon-offer-decline').boundingBox()];
    expect(accept!.x).toBeGreaterThan(decline!.x);
    expect(await english(ui, visitorAr)).toEqual([]);

    await ui.getByTestId('beckon-offer-accept').click();
    const chat = await newChat();
    await agent.accept(chat.id, 'Layla');
    await agent.send(chat.id, 'مرحبا، كيف يمكنني مساعدتك؟');
    await waitForVisitorMessage(page, 'مرحبا، كيف يمكنني مساعدتك؟');
    await sendAsVisitor(page, 'لدي سؤال عن فاتورتي');
    await waitForVisitorMessage(page, 'لدي سؤال عن فاتورتي');
    await shots.shot('arabic chat window', page);
    expect(await styleOf(ui, 'beckon-transcript', 'direction')).toBe('rtl');
    // The visitor's bubbles on the left (the end side in Arabic), the agent's on the right.
    const agentBox = await ui.locator('[data-from="agent"]').first().boundingBox();
    const visitorBox = await ui.locator('[data-from="visitor"]').first().boundingBox();
    expect(visitorBox!.x).toBeLessThan(agentBox!.x);
    expect(await english(ui, visitorAr)).toEqual([]);
    await agent.stop(chat.id);
    await ui.getByTestId('beckon-chat-status').getByText(visitorAr['status.ended']).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('"Offer in 5 s" counts down in the popup, survives closing it, and fires; Cancel stops a countdown', async () => {
    const page = await openDemo();
    let popup = await popupFor(page);
    await popup.getByTestId('presenter-seconds').fill('5');
    await popup.getByTestId('presenter-offer-in').click();
    const startedAt = Date.now();
    await popup.getByTestId('presenter-countdown').getByText(/Offer in [1-5] s/).waitFor({ timeout: 3_000 });
    await popup.close(); // the countdown lives in the background
    const ui = await pageUi(page, 15_000);
    await ui.getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_000);
    await ui.getByTestId('beckon-offer-decline').click();
    await ui.getByTestId('beckon-offer').waitFor({ state: 'detached', timeout: 10_000 });

    popup = await popupFor(page);
    await popup.getByTestId('presenter-seconds').fill('2');
    await popup.getByTestId('presenter-offer-in').click();
    await popup.getByTestId('presenter-cancel').click();
    await popup.getByTestId('presenter-offer-in').waitFor({ timeout: 3_000 });
    await page.waitForTimeout(3_500);
    expect(await ui.getByTestId('beckon-offer').count()).toBe(0);
    // A countdown out of range is not started.
    await popup.getByTestId('presenter-seconds').fill('0');
    expect(await popup.getByTestId('presenter-offer-in').isDisabled()).toBe(true);
    await popup.close();
    await page.close();
  });

  it('a click trigger: clicking the named element offers a chat, other clicks do not', async () => {
    const page = await openDemo();
    await page.click('#amount');
    await page.click('#payment-heading');
    await page.waitForTimeout(1_500);
    expect(page.frames().some((f) => f.url().includes('page-frame'))).toBe(false);
    await page.getByRole('button', { name: 'Review payment' }).click();
    const ui = await pageUi(page, 15_000);
    await ui.getByTestId('beckon-offer-topic').getByText(CLICK_RULE.offerText).waitFor({ timeout: 10_000 });
    const outcomes = await (await ext.serviceWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get('outcomes')).outcomes as any[]);
    expect(outcomes.at(-1)).toMatchObject({ ruleName: 'Review clicked', outcome: 'offered' });
    expect(outcomes.at(-1).presenter).toBeUndefined();
    await ui.getByTestId('beckon-offer-decline').click();
    await page.close();
  });

  it('a prospect\'s demo previewed in the editor, exported as one file and imported into a fresh browser looks the same there', async ({ task }) => {
    const shots = failureScreenshots(task.name);
    const options = await ext.openOptions();
    await options.getByTestId('options-profile-pick').selectOption(NORDBANK.id);
    // The editor's live preview: the visitor's card in the profile's brand, colours and language, styled as in the page.
    const preview = options.getByTestId('options-profile-preview');
    await preview.getByTestId('beckon-offer-accept').getByText(visitorDe['offer.accept']).waitFor({ timeout: 5_000 });
    expect(await preview.getByTestId('beckon-brand').textContent()).toBe('Nordbank');
    expect(await preview.getByTestId('beckon-offer-accept').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(NORDBANK.accent));
    await shots.shot('options preview', options);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('options-demo-export').click()]);
    expect(download.suggestedFilename()).toBe('beckon-demo-nordbank.json');
    const file = await download.path();
    const demo = JSON.parse(await readFile(file, 'utf8'));
    expect(demo).toMatchObject({ kind: 'beckon-demo', version: 1, profile: NORDBANK, sites: [{ pattern: DEMO_SITE, options: { profileId: NORDBANK.id } }] });
    expect(demo.rules.map((r: Rule) => r.name)).toEqual([PRESENTER_RULE.name, CLICK_RULE.name]);
    await options.close();

    const fresh = await launchChromium();
    try {
      const freshOptions = await fresh.openOptions();
      await freshOptions.getByTestId('options-demo-import').setInputFiles(file);
      await expect.poll(() => freshOptions.getByTestId('options-demo-plan').textContent()).toContain('Nordbank AG');
      await freshOptions.getByTestId('options-demo-confirm').click();
      await freshOptions.getByTestId('options-demo-message').getByText('Imported the demo “Nordbank AG”.').waitFor({ timeout: 5_000 });
      await freshOptions.close();

      const imported = await storedSettings(fresh);
      expect(imported.profiles.find((p) => p.id === NORDBANK.id)).toEqual(NORDBANK);
      expect(imported.siteOptions[DEMO_SITE]?.profileId).toBe(NORDBANK.id);
      expect(imported.rules.map((r) => r.name)).toEqual(expect.arrayContaining([CLICK_RULE.name]));
      // The demo carries no backend: point the fresh browser at this Sandbox, as a teammate would.
      await (await fresh.serviceWorker()).evaluate((url) => (globalThis as any).chrome.storage.local.get('settings').then(({ settings }: any) =>
        (globalThis as any).chrome.storage.local.set({ settings: { ...settings, backend: { ...settings.backend, url } } })), sandbox.url);
      const page = await openDemo(fresh);
      const ui = await offerNow(page, fresh);
      await shots.shot('imported branded card', page);
      expect(await ui.getByTestId('beckon-brand').textContent()).toBe('Nordbank');
      expect(await ui.getByTestId('beckon-offer-accept').textContent()).toBe(visitorDe['offer.accept']);
      expect(await styleOf(ui, 'beckon-offer-accept', 'background-color')).toBe(rgb(NORDBANK.accent));
    } finally {
      await fresh.close();
    }
  });
});
