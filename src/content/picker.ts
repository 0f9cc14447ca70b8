/**
 * The picker: names the element the visitor last right-clicked with a stable CSS selector
 * (src/core/css-selector.ts), for the context menu's "Offer a chat when this is clicked".
 * Injected by the background only on that menu click, into the watcher's isolated world,
 * where the watcher's `contextmenu` listener left the element (protocol/watcher.ts).
 */
import { stableSelector } from '../core/css-selector';
import { CONTEXT_TARGET_KEY, PICKED_KEY, type PickReply } from '../protocol/watcher';

/**
 * What a click rule names when the element right-clicked is inside one of these (an icon or a
 * label's text in a button): the control, so that a click anywhere on it counts (the watcher
 * matches clicks with `closest`).
 */
const CONTROL = 'a[href], button, summary, label, select, [role="button"], [role="link"], [role="tab"], [role="menuitem"], input';

/**
 * Finds the selector and leaves it (or why there is none) where the background reads it: on the
 * isolated world's global, where the watcher left the element.
 */
export function pick(win: Window): PickReply {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const target = scope[Symbol.for(CONTEXT_TARGET_KEY)] as Element | null | undefined;
  // A target the page has since removed cannot be clicked any more: no rule for it.
  const selector = target?.isConnected ? stableSelector(target.closest(CONTROL) ?? target, win.document) : null;
  const reply: PickReply = selector ? { selector } : { error: target?.isConnected ? 'no-selector' : 'no-target' };
  scope[Symbol.for(PICKED_KEY)] = reply;
  return reply;
}
