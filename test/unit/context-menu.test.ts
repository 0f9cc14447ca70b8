// @vitest-environment happy-dom
/**
 * The context menu's "Offer a chat when this is clicked" (src/background/context-menu.ts) on
 * WXT's fake browser, with the real watcher and picker answering in a happy-dom page: the
 * browser calls the fake browser does not implement (contextMenus, permissions, scripting) are
 * recorded here, and scripting runs the picker bundle's code in this document.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLICK_TRIGGER_MENU, createClickRule, syncContextMenu } from '../../src/background/context-menu';
import { pick } from '../../src/content/picker';
import { startWatcher } from '../../src/content/watcher';
import { elementsToWatch } from '../../src/core/rules/element-watch';
import { emptyCappingState, DEFAULT_CAPPING } from '../../src/core/rules/capping';
import { DEFAULT_RULE, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { readSettings, settingsItem } from '../../src/protocol/storage';
import { CONTEXT_TARGET_KEY, PICKED_KEY, PICKER_FILE } from '../../src/protocol/watcher';

const SITE = 'https://shop.example/*';
const OTHER = 'https://ungranted.example/*';
const PAGE = 'https://shop.example/cart';
const real = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const rightClick = (el: Element, trusted = true) => {
  const e = new MouseEvent('contextmenu', { bubbles: true, composed: true });
  el.dispatchEvent(trusted ? real(e) : e);
};

/** What the browser was asked to do. */
let menus: { created: unknown[]; removals: number };
let opened: string[];
let injected: { files?: string[]; target: unknown }[];
let stopWatcher: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  menus = { created: [], removals: 0 };
  opened = [];
  injected = [];
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: async () => void menus.removals++,
    create: (props: unknown, done?: () => void) => {
      menus.created.push(props);
      done?.();
      return CLICK_TRIGGER_MENU;
    },
  });
  Object.assign(fakeBrowser.permissions, { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => o !== OTHER) });
  // The picker bundle runs in this document; the reading function runs as the browser would run it: on its own.
  Object.assign(fakeBrowser.scripting, {
    executeScript: async (injection: { target: unknown; files?: string[]; func?: (...a: unknown[]) => unknown; args?: unknown[] }) => {
      injected.push({ target: injection.target, ...(injection.files ? { files: injection.files } : {}) });
      if (injection.files) {
        expect(injection.files).toEqual([PICKER_FILE]);
        pick(window);
        return [{ frameId: 0, result: undefined }];
      }
      const isolated = new Function(`return (${injection.func!.toString()})(...arguments)`);
      return [{ frameId: 0, result: isolated(...(injection.args ?? [])) }];
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => {
    opened.push(p.url!);
    return { id: 9 } as never;
  });
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, enabledSites: [SITE, OTHER] });
  document.body.innerHTML = '<main><form id="checkout"><button data-testid="pay-now"><span>Pay</span></button></form><p>Text</p></main>';
  // The real watcher keeps the right-clicked element (its contextmenu listener).
  stopWatcher = startWatcher({
    win: window, now: () => Date.now(), send: async () => ({ wakeInMs: null }), setTimer: () => 0, clearTimer: () => undefined, onCommand: () => () => undefined,
  });
});
afterEach(() => {
  stopWatcher();
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(CONTEXT_TARGET_KEY)];
  vi.restoreAllMocks();
});

const menuClick = (over: { frameId?: number } = {}) => createClickRule({ menuItemId: CLICK_TRIGGER_MENU, frameId: 0, pageUrl: PAGE, ...over }, { id: 4, url: PAGE }, readSettings);

describe('the context menu entry', () => {
  it('shows on every element of the enabled sites whose permission is granted, and only there', async () => {
    await syncContextMenu(await readSettings());
    expect(menus).toEqual({
      removals: 1,
      created: [{ id: CLICK_TRIGGER_MENU, title: 'Offer a chat when this is clicked', contexts: ['all'], documentUrlPatterns: [SITE] }],
    });
    await syncContextMenu({ ...(await readSettings()), enabledSites: [OTHER] });
    expect(menus.removals).toBe(2);
    expect(menus.created).toHaveLength(1); // no site granted: no entry
  });

  it('two syncs at once leave one entry', async () => {
    const s = await readSettings();
    await Promise.all([syncContextMenu(s), syncContextMenu(s)]);
    expect(menus.created).toHaveLength(2);
    expect(menus.removals).toBe(2); // each rebuild removed the one before it
  });
});

describe('"Offer a chat when this is clicked"', () => {
  it('makes a first-priority click rule for the element under the pointer, saves it and opens it in the rules editor', async () => {
    rightClick(document.querySelector('span')!); // the label inside the button: the rule is for the button
    expect(await menuClick()).toBeUndefined();
    const saved = await settingsItem.getValue() as Settings;
    expect(saved.rules).toHaveLength(2);
    expect(saved.rules[0]).toMatchObject({
      id: 'click-1', name: 'Click on button[data-testid="pay-now"]', enabled: true, include: ['https://shop.example/**'],
      conditions: [{ kind: 'elementClicked', selector: 'button[data-testid="pay-now"]' }], queue: DEFAULT_RULE.queue,
    });
    expect(saved.rules[1]).toEqual(DEFAULT_RULE);
    expect(injected.map((i) => i.target)).toEqual([{ tabId: 4, frameIds: [0] }, { tabId: 4, frameIds: [0] }]);
    expect(opened).toEqual([browser.runtime.getURL('/options.html#rule=click-1' as never)]);
    // The picker's answer was taken, not left in the page's world for the next time.
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(PICKED_KEY)]).toBeUndefined();
    // The page's watcher is told to watch it.
    const watch = elementsToWatch({ rules: saved.rules, url: PAGE, capping: { settings: DEFAULT_CAPPING, state: emptyCappingState(0, '2026-01-01') }, now: 1, today: '2026-01-01' });
    expect(watch.clicked).toEqual(['button[data-testid="pay-now"]']);
  });

  it('names an element without a name of its own by its place, and numbers a second rule', async () => {
    rightClick(document.querySelector('button')!);
    await menuClick();
    rightClick(document.querySelector('p')!);
    await menuClick();
    const saved = await settingsItem.getValue() as Settings;
    expect(saved.rules.map((r) => [r.id, r.conditions])).toEqual([
      ['click-2', [{ kind: 'elementClicked', selector: 'body > main > p' }]],
      ['click-1', [{ kind: 'elementClicked', selector: 'button[data-testid="pay-now"]' }]],
      ['default', DEFAULT_RULE.conditions],
    ]);
  });

  it('makes nothing for an element in an embedded frame, and says why', async () => {
    expect(await menuClick({ frameId: 3 })).toMatch(/embedded frame/);
    expect(injected).toEqual([]);
    expect((await settingsItem.getValue() as Settings).rules).toEqual([DEFAULT_RULE]);
  });

  it('makes nothing when the watcher saw no right-click (a page-made contextmenu does not count)', async () => {
    rightClick(document.querySelector('button')!, false);
    expect(await menuClick()).toMatch(/did not see which element/);
    expect((await settingsItem.getValue() as Settings).rules).toEqual([DEFAULT_RULE]);
    expect(opened).toEqual([]);
  });

  it('refuses what a tampered page answers instead of a selector', async () => {
    Object.assign(fakeBrowser.scripting, { executeScript: async () => [{ frameId: 0, result: { selector: 'x'.repeat(600) } }] });
    expect(await menuClick()).toMatch(/did not understand/);
    Object.assign(fakeBrowser.scripting, { executeScript: async () => [{ frameId: 0, result: { selector: 'a{}' } }] });
    expect(await menuClick()).toMatch(/^The rule was not saved: rules\.0\.conditions\.0\.selector: CSS selector cannot contain "\{"/);
    expect((await settingsItem.getValue() as Settings).rules).toEqual([DEFAULT_RULE]);
  });

  it('says when the page cannot be reached, and when the settings would be over their limits', async () => {
    Object.assign(fakeBrowser.scripting, { executeScript: async () => Promise.reject(new Error('Cannot access contents of the page')) });
    expect(await menuClick()).toMatch(/cannot reach this page/);
    Object.assign(fakeBrowser.scripting, { executeScript: async () => [{ frameId: 0, result: { selector: '#x' } }] });
    const full = Array.from({ length: 100 }, (_, i) => ({ ...DEFAULT_RULE, id: `r${i}` }));
    await settingsItem.setValue({ ...(await readSettings()), rules: full });
    expect(await menuClick()).toBe('The rule was not saved: rules: At most 100 rules');
    expect((await settingsItem.getValue() as Settings).rules).toHaveLength(100);
  });

  it('ignores other menu entries', async () => {
    expect(await createClickRule({ menuItemId: 'other' }, { id: 1 }, readSettings)).toBeUndefined();
    expect(injected).toEqual([]);
  });
});
