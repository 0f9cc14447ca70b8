import { browser, type Browser } from 'wxt/browser';
import { parseMessage, UiToBackgroundSchema } from '../protocol/messages';
import type { BackgroundToUi, TabView, UiToBackground } from '../protocol/ports';

type Port = Browser.runtime.Port;

/** What the hub asks of the rest of the background. */
export interface UiHubDeps {
  /**
   * Builds the current view of a tab; `fromPopup` lets the popup fall back to a chat of
   * another tab, and `chosenChatId` is the chat the popup's switcher picked, if any.
   */
  view: (tabId: number, fromPopup: boolean, chosenChatId?: string) => Promise<TabView>;
  /** Carries out a validated UI command for a tab; returns an error message to show, if any. */
  handle: (tabId: number, msg: UiToBackground, fromPopup: boolean) => Promise<string | void>;
}

interface Client {
  tabId: number | null;
  fromPopup: boolean;
  /** The chat this UI shows now, if any. */
  chatId?: string;
  /** The chat picked in the popup's switcher (popup only). */
  chosenChatId?: string;
}

/**
 * The ports of every open UI (in-page windows and popups). Validates what they send,
 * routes commands, and pushes each tab's view to the UIs showing it.
 */
export class UiHub {
  private readonly clients = new Map<Port, Client>();

  constructor(private readonly deps: UiHubDeps) {}

  /** Takes a newly connected port. Ports from content scripts are bound to their own tab. */
  attach(port: Port): void {
    // An extension page (the popup, even when opened as a tab) picks its tab in `hello`;
    // anything else is a page UI, bound to the tab it runs in.
    const fromPopup = port.sender?.url?.startsWith(browser.runtime.getURL('/')) === true;
    const tabId = fromPopup ? undefined : port.sender?.tab?.id;
    if (tabId === undefined && !fromPopup) {
      port.disconnect();
      return;
    }
    this.clients.set(port, { tabId: tabId ?? null, fromPopup });
    port.onMessage.addListener((raw: unknown) => void this.receive(port, raw));
    port.onDisconnect.addListener(() => this.clients.delete(port));
  }

  /** Pushes the current view to every UI showing `tabId` (popups showing a fallback chat included). */
  publish(tabId: number): void {
    for (const [port, client] of this.clients) {
      if (client.tabId === tabId || client.fromPopup) void this.push(port, client);
    }
  }

  /** True while some open UI shows the chat (it is then polled fast). */
  isShown(chatId: string): boolean {
    for (const client of this.clients.values()) if (client.chatId === chatId) return true;
    return false;
  }

  /** Pushes to every UI. */
  publishAll(): void {
    for (const [port, client] of this.clients) void this.push(port, client);
  }

  private async receive(port: Port, raw: unknown): Promise<void> {
    const client = this.clients.get(port);
    if (!client) return;
    const parsed = parseMessage(UiToBackgroundSchema, raw);
    if (!parsed.ok) {
      this.post(port, { type: 'error', message: `Rejected a malformed request: ${parsed.error}` });
      return;
    }
    const msg = parsed.value;
    if (msg.type === 'heartbeat') return; // Its arrival alone keeps the worker alive.
    if (msg.type === 'hello') {
      // Only the popup chooses its tab; a page UI is bound to the tab it runs in.
      if (client.fromPopup && msg.tabId !== undefined) client.tabId = msg.tabId;
      await this.push(port, client);
      return;
    }
    if (client.tabId === null) return;
    if (msg.type === 'chat.focus' && client.fromPopup) {
      client.chosenChatId = msg.chatId;
      await this.push(port, client);
    }
    const error = await this.deps.handle(client.tabId, msg, client.fromPopup);
    if (error) this.post(port, { type: 'error', message: error });
  }

  private async push(port: Port, client: Client): Promise<void> {
    if (client.tabId === null) return;
    const view = await this.deps.view(client.tabId, client.fromPopup, client.chosenChatId);
    client.chatId = view.chat?.id;
    this.post(port, { type: 'view', view });
  }

  private post(port: Port, msg: BackgroundToUi): void {
    try {
      port.postMessage(msg);
    } catch {
      this.clients.delete(port); // The UI went away between the check and the send.
    }
  }
}
