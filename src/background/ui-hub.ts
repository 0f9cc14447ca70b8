import type { Browser } from 'wxt/browser';
import { serial, type Serial } from '../core/serial';
import { parseMessage, UiToBackgroundSchema } from '../protocol/messages';
import { PAGE_FRAME_PATH } from '../protocol/page-frame';
import type { BackgroundToUi, TabView, UiToBackground } from '../protocol/ports';
import { planUpdate, type Sent } from '../protocol/view-delta';

type Port = Browser.runtime.Port;

/** The popup's page (also when a test opens it as a tab). */
const POPUP_PATH = '/popup.html';

/** What the hub asks of the rest of the background. */
export interface UiHubDeps {
  /**
   * Builds the current view of a tab; `fromPopup` lets the popup fall back to a chat of
   * another tab, and `chosenChatId` is the chat the popup's switcher picked, if any.
   */
  view: (tabId: number, fromPopup: boolean, chosenChatId?: string) => Promise<TabView>;
  /** Carries out a validated UI command for a tab; returns an error message to show, if any. */
  /** Carries out a command: a message to show on refusal, or the answer to a request. */
  handle: (tabId: number, msg: UiToBackground, fromPopup: boolean) => Promise<string | void | BackgroundToUi>;
  /** True when `secret` was registered by the host script of a document in `tabId`. */
  isOwnFrame: (tabId: number, secret: string) => Promise<boolean>;
  /** A UI started showing this chat (it is then polled fast: no need to wait out a slow poll). */
  onShown?: (chatId: string) => void;
}

interface Client {
  /** The tab it speaks for: the popup names it in `hello`; a page frame gets it once proven. */
  tabId: number | null;
  fromPopup: boolean;
  /** The chat this UI shows now, if any. */
  chatId?: string;
  /** The chat picked in the popup's switcher (popup only). */
  chosenChatId?: string;
  /** What this UI was last sent (a delta is taken against it), and the last `seq`. */
  sent?: Sent;
  seq: number;
  /** A push is under way; `again`: another change came meanwhile, push once more after it. */
  pushing: boolean;
  again: boolean;
  /**
   * Its messages, handled one at a time in the order they came: a frame's `hello` is checked
   * asynchronously, and what it sends right after (a message typed while the worker woke up)
   * must wait for that, not be dropped as coming from nobody.
   */
  line: Serial;
}

/**
 * Which UI a port belongs to, from the page that opened it. Only the extension's own
 * contexts can connect (there is no `externally_connectable`), so the path says which page
 * it is: the popup, or the in-page UI frame in a tab. Content scripts never open UI ports.
 */
function kindOf(port: Port): 'popup' | 'frame' | null {
  let path: string;
  try {
    path = new URL(port.sender?.url ?? '').pathname;
  } catch {
    return null;
  }
  if (path === POPUP_PATH) return 'popup';
  if (path === PAGE_FRAME_PATH && port.sender?.tab?.id !== undefined && port.sender.frameId !== 0) return 'frame';
  return null;
}

/**
 * The ports of every open UI (in-page frames and popups). Validates what they send, routes
 * commands, and pushes each tab's view to the UIs showing it. A page frame gets nothing
 * until it proves, with its host's secret, that Beckon put it in that tab.
 */
export class UiHub {
  private readonly clients = new Map<Port, Client>();

  constructor(private readonly deps: UiHubDeps) {}

  /** Takes a newly connected port. */
  attach(port: Port): void {
    const kind = kindOf(port);
    if (!kind) {
      port.disconnect();
      return;
    }
    const client: Client = { tabId: null, fromPopup: kind === 'popup', seq: 0, pushing: false, again: false, line: serial() };
    this.clients.set(port, client);
    port.onMessage.addListener((raw: unknown) => {
      client.line.run(() => this.receive(port, raw)).catch((e: unknown) => console.error('[beckon] UI message failed', e));
    });
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
    if (msg.type === 'hello') return this.hello(port, client, msg);
    if (msg.type === 'resync') {
      client.sent = undefined; // the next push is the whole view
      return this.push(port, client);
    }
    if (client.tabId === null) return; // nothing before a hello that was accepted
    if (msg.type === 'chat.focus' && client.fromPopup) {
      client.chosenChatId = msg.chatId;
      await this.push(port, client);
    }
    const result = await this.deps.handle(client.tabId, msg, client.fromPopup);
    if (typeof result === 'string') this.post(port, { type: 'error', message: result });
    else if (result) this.post(port, result);
  }

  private async hello(port: Port, client: Client, msg: Extract<UiToBackground, { type: 'hello' }>): Promise<void> {
    if (client.fromPopup) {
      if (msg.tabId !== undefined) client.tabId = msg.tabId;
    } else {
      const tabId = port.sender?.tab?.id;
      if (tabId === undefined || msg.frame === undefined || !(await this.deps.isOwnFrame(tabId, msg.frame))) {
        // A copy of the frame some page embedded on its own: it learns nothing and can do nothing.
        this.post(port, { type: 'refused' });
        this.clients.delete(port);
        port.disconnect();
        return;
      }
      client.tabId = tabId;
    }
    client.sent = undefined;
    await this.push(port, client);
  }

  /**
   * Brings a UI up to date: the whole view the first time, then deltas. One push at a time per
   * UI, so views go out in the order they were built; changes during a push cause one more.
   */
  private async push(port: Port, client: Client): Promise<void> {
    if (client.tabId === null) return;
    if (client.pushing) {
      client.again = true;
      return;
    }
    client.pushing = true;
    try {
      do {
        client.again = false;
        const view = await this.deps.view(client.tabId, client.fromPopup, client.chosenChatId);
        this.send(port, client, view);
      } while (client.again && this.clients.has(port));
    } finally {
      client.pushing = false;
    }
  }

  private send(port: Port, client: Client, view: TabView): void {
    const shown = view.chat?.id;
    if (shown && shown !== client.chatId && !this.isShown(shown)) this.deps.onShown?.(shown);
    client.chatId = shown;
    const plan = planUpdate(client.sent, view);
    if (plan.kind === 'none') return;
    client.sent = plan.next;
    const seq = ++client.seq;
    if (plan.kind === 'full') this.post(port, { type: 'view', seq, view });
    else this.post(port, { type: 'delta', seq, head: plan.head, lines: plan.lines, length: plan.length });
  }

  private post(port: Port, msg: BackgroundToUi): void {
    try {
      port.postMessage(msg);
    } catch {
      this.clients.delete(port); // The UI went away between the check and the send.
    }
  }
}
