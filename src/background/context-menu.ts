import { browser } from 'wxt/browser';
import { clickRule } from '../core/rules/element-rule';
import { serial } from '../core/serial';
import { SettingsSchema, type Settings } from '../core/settings';
import { parseMessage, PickReplySchema } from '../protocol/messages';
import { settingsItem } from '../protocol/storage';
import { PICKED_KEY, PICKER_FILE, type PickReply } from '../protocol/watcher';
import { grantedSites } from './sites';

/** The page context menu's entry on enabled sites. */
export const CLICK_TRIGGER_MENU = 'beckon-click-trigger';
const MENU_TITLE = 'Offer a chat when this is clicked';

// Menus are rebuilt from scratch on each change: two rebuilds at once would create the entry twice.
const line = serial();

/**
 * Shows the entry in the context menu of exactly the enabled sites whose permission is granted
 * (the watcher's sites, src/background/sites.ts), on any element, and nowhere else.
 */
export function syncContextMenu(settings: Settings, granted?: string[]): Promise<void> {
  return line.run(async () => {
    const sites = granted ?? (await grantedSites(settings));
    await browser.contextMenus.removeAll();
    if (sites.length === 0) return;
    // Reading lastError in the callback keeps a failure from being reported as unchecked.
    browser.contextMenus.create({ id: CLICK_TRIGGER_MENU, title: MENU_TITLE, contexts: ['all'], documentUrlPatterns: sites }, () => void browser.runtime.lastError);
  });
}

/** Reads what the picker left, and clears it. Runs in the page's isolated world: it must use nothing from outside itself. */
function takePicked(key: string): unknown {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const value = scope[Symbol.for(key)];
  delete scope[Symbol.for(key)];
  return value;
}

/** Runs the picker in the tab's top frame (where the watcher kept the right-clicked element); a sentence when it cannot. */
async function pickIn(tabId: number): Promise<PickReply | string> {
  const target = { tabId, frameIds: [0] };
  let raw: unknown;
  try {
    // A build-hook asset, not one of WXT's known paths: hence the cast.
    await browser.scripting.executeScript({ target, files: [PICKER_FILE as never] });
    raw = (await browser.scripting.executeScript({ target, func: takePicked, args: [PICKED_KEY] }))[0]?.result;
  } catch {
    return 'Beckon cannot reach this page: check that its site is enabled in Settings, then reload it.';
  }
  const reply = parseMessage(PickReplySchema, raw);
  return reply.ok ? reply.value : 'Beckon did not understand what the page answered: reload it and try again.';
}

const PICK_ERRORS = {
  'no-target': 'Beckon did not see which element was right-clicked: reload the page and try again.',
  'no-selector': 'No CSS selector short enough names that element alone: try an element around it.',
} as const;

/** Who the menu click came from, as the contextMenus API says. */
export interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
  pageUrl?: string;
}

/**
 * "Offer a chat when this is clicked": a rule (src/core/rules/element-rule.ts) for a stable
 * selector of the element under the pointer, first in priority, saved after the same
 * validation as any settings change, then opened in the options page's rules editor. Returns
 * a sentence for the user when nothing was made.
 */
export async function createClickRule(click: MenuClick, tab: { id?: number; url?: string } | undefined, settings: () => Promise<Settings>): Promise<string | void> {
  if (click.menuItemId !== CLICK_TRIGGER_MENU) return;
  if (tab?.id === undefined) return 'Beckon cannot tell which tab was clicked.';
  // The watcher runs in the page itself: what is clicked inside an embedded frame never reaches it.
  if ((click.frameId ?? 0) !== 0) return 'That element is inside an embedded frame, which Beckon does not watch: choose an element of the page itself.';
  const picked = await pickIn(tab.id);
  if (typeof picked === 'string') return picked;
  if ('error' in picked) return PICK_ERRORS[picked.error];
  const current = await settings();
  const rule = clickRule(current.rules, picked.selector, click.pageUrl ?? tab.url ?? '');
  const next = SettingsSchema.safeParse({ ...current, rules: [rule, ...current.rules] });
  if (!next.success) return `The rule was not saved: ${next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  await settingsItem.setValue(next.data);
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#rule=${encodeURIComponent(rule.id)}` as never) });
}

/** Says why no rule was made (the menu click has no page of ours to say it in). */
async function notify(message: string): Promise<void> {
  await browser.notifications
    .create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'Beckon: no rule made', message })
    .catch((e: unknown) => console.warn('[beckon] notification not shown', e));
}

/**
 * Handles the context menu's clicks (the menu itself follows the sites with the watcher:
 * `syncContextMenu`, in the background's site sync). Called once, synchronously, as the worker starts.
 */
export function wireContextMenu(settings: { get(): Promise<Settings> }): void {
  browser.contextMenus.onClicked.addListener((click, tab) => {
    void createClickRule(click, tab, () => settings.get())
      .then((problem) => problem && notify(problem))
      .catch((e: unknown) => notify(`Something went wrong: ${String(e)}`));
  });
}
