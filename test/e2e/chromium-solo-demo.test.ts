/**
 * A solo demo (issue 14) in real Chromium against a real Sandbox: nobody plays the agent. The
 * Sandbox runs the Billing autopilot script it ships (sandbox/autopilot/scripts/billing.yaml);
 * the visitor accepts the demo site's offer, the autopilot greets, answers "late fee" and ends
 * the chat after "thanks". Then the demo report is downloaded from the popup, opened from disk
 * in the browser (the test fails on any request it makes), and read like the prospect would:
 * every step of the timeline, the transcript, the chart drawn. The JSON from the options page's
 * outcome log carries the same timeline.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureScreenshots } from './support/artifacts.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { configureCrm, newVisitor, tabIdOf } from './support/crm.ts';
import { pageUi } from './support/page-ui.ts';
import { ROOT } from './support/paths.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { sendAsVisitor, waitForVisitorMessage } from './support/visitor.ts';

const BILLING_SCRIPT = join(ROOT, 'sandbox/autopilot/scripts/billing.yaml');
/** Every kind of step a chat that went this way has in its report's timeline. */
const TIMELINE_KINDS = ['page', 'decision', 'offer', 'outcome', 'chat', 'agent', 'message', 'crm', 'end'];

describe('a solo demo with the autopilot, and its report (Chromium)', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ autopilot: [{ name: 'billing.yaml', source: await readFile(BILLING_SCRIPT, 'utf8') }] });
    ext = await launchChromium();
    // No human agent is made Ready: only the autopilot can take the chat.
    await configureCrm(ext, sandbox.url, {}, 2);
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('the autopilot answers a demo-site chat; the report opens offline with every step and its chart', async ({ task }) => {
    const shots = failureScreenshots(task.name);
    await newVisitor(ext);
    const page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    const ui = await pageUi(page, 20_000);
    await ui.getByTestId('beckon-offer-accept').click({ timeout: 15_000 });

    await ui.getByTestId('beckon-chat-status').getByText('Chatting with Ava').waitFor({ timeout: 20_000 });
    await waitForVisitorMessage(page, 'How can I help with your bill today?', 20_000);
    const greeting = (await ui.getByTestId('beckon-message-text').allTextContents()).find((t) => t.startsWith('Hi, I\'m Ava'));
    expect(greeting).toMatch(/I can see you are on Bill Payment/); // {Page Name} from the chat's user data
    await sendAsVisitor(page, 'Why did I get a late fee?');
    await waitForVisitorMessage(page, 'I understand, late fees are frustrating.', 20_000);
    await waitForVisitorMessage(page, 'As a one-off courtesy I can waive the last late fee on your account. It will show on your next statement.', 20_000);
    await sendAsVisitor(page, 'thanks');
    await waitForVisitorMessage(page, 'You\'re welcome! Have a great day.', 20_000);
    await ui.getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 20_000 });
    await shots.shot('chat with the autopilot', page);

    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(ext, page)}`);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('beckon-report-html').click()]);
    expect(download.suggestedFilename()).toMatch(/^beckon-report-Billing-.+\.html$/);
    // Saved under its own name, as the browser saves it: the .html tells Chromium it is a page.
    const file = join(await mkdtemp(join(tmpdir(), 'beckon-report-')), download.suggestedFilename());
    await download.saveAs(file);

    // The report as the prospect opens it: from disk, in a tab that may load nothing else.
    const report = await ext.context.newPage();
    const requests: string[] = [];
    report.on('request', (r) => void requests.push(r.url()));
    const fileUrl = pathToFileURL(file).href;
    await report.goto(fileUrl);
    await shots.shot('report', report);
    expect(requests).toEqual([fileUrl]);
    expect(await report.locator('script, link, iframe, object, embed, img[src^="http"]').count()).toBe(0);

    const steps = await report.locator('tr.step').evaluateAll((rows) => rows.map((r) => ({ kind: r.querySelector('.kind')!.textContent, text: r.lastElementChild!.textContent })));
    const kinds = new Set(steps.map((s) => s.kind));
    for (const kind of TIMELINE_KINDS) expect(kinds, `a "${kind}" step`).toContain(kind);
    // In order: the page before the offer, the offer before the chat, the end after every
    // message (only the CRM's endInteraction, which the end causes, may follow it).
    const first = (kind: string) => steps.findIndex((s) => s.kind === kind);
    expect(first('page')).toBeLessThan(first('offer'));
    expect(first('offer')).toBeLessThan(first('chat'));
    expect(steps.slice(first('end') + 1).map((s) => s.kind).filter((k) => k !== 'crm')).toEqual([]);
    const texts = steps.map((s) => s.text);
    expect(texts).toContain('Visitor: Why did I get a late fee?');
    expect(texts).toContain('Ava: I understand, late fees are frustrating.');
    expect(texts.some((t) => /CRM .*start/i.test(t ?? ''))).toBe(true);
    const transcript = await report.getByTestId('report-transcript').innerText();
    expect(transcript).toContain('You\'re welcome! Have a great day.');

    // The chart is drawn: an SVG with a size, a dot per message, the texts as tooltips.
    const chart = report.getByTestId('report-chart');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(40);
    const dots = await chart.locator('circle').count();
    const messages = steps.filter((s) => s.kind === 'message').length;
    expect(dots).toBeGreaterThanOrEqual(messages);
    expect(await chart.locator('title').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Why did I get a late fee?')]));
    expect(requests).toEqual([fileUrl]);
    await report.close();
    await popup.close();

    // The same chat's report as JSON, from the options page's outcome log.
    const options = await ext.openOptions();
    const row = options.locator('tr', { has: options.getByTestId('beckon-report-json') }).last();
    const [json]: [Download, void] = await Promise.all([options.waitForEvent('download'), row.getByTestId('beckon-report-json').click()]);
    const data = JSON.parse(await readFile(await json.path(), 'utf8'));
    expect(data).toMatchObject({ kind: 'beckon-demo-report', version: 1, chat: { queue: 'Billing', agents: ['Ava'] } });
    const messageTexts = (list: { kind: string | null; text: string | null }[]) => list.filter((s) => s.kind === 'message').map((s) => s.text);
    expect(messageTexts(data.timeline)).toEqual(messageTexts(steps));
    expect(new Set(data.timeline.map((s: { kind: string }) => s.kind))).toEqual(kinds);
    await options.close();
    await page.close();
  });
});
