import { render } from 'preact';
import type { UiClient } from '../ui/client';
import { PageApp } from '../ui/PageApp';

/** Keys typed in the widget must not reach the host page's keyboard shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input'] as const;

/**
 * Mounts the offer and chat UI into the page inside a shadow root, so the site's CSS
 * cannot restyle it and its scripts see one opaque element. Styles are adopted as a
 * constructed stylesheet, which a strict page Content-Security-Policy does not block.
 */
export function mountPageUi(css: string, client: UiClient): HTMLElement {
  const host = document.createElement('beckon-chat');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, css);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  const root = document.createElement('div');
  root.className = 'bk-root';
  shadow.append(root);
  // documentElement, not body: single-page apps replace body and would take us with it.
  document.documentElement.append(host);
  // Render once the first view is here, so the card is in the very first frame (no empty
  // render waiting for a store subscription to catch up).
  const stop = client.$view.subscribe((view) => {
    if (!view) return;
    queueMicrotask(() => stop());
    render(<PageApp client={client} />, root);
  });
  return host;
}

function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    // Firefox content scripts must build the sheet in the page's realm to adopt it.
    const PageSheet = (window as unknown as { wrappedJSObject?: typeof window }).wrappedJSObject?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new PageSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
