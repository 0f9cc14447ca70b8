/**
 * The isolated-world relay of the page API: it takes the main-world script's private channel
 * (the first hello of the page: it comes before any page script) and carries calls to the
 * background over a runtime port bound to this tab, and pushes back. The background holds
 * the chats: after the worker restarts, the relay reconnects and says which chat events the
 * page has already had, so none is lost or repeated.
 */
import { PAGE_API_HELLO, PAGE_API_PORT, type PageApiPush, type PageApiRequest } from '../protocol/page-api';

/** What the relay needs from the extension (a runtime port). */
export interface RelayEnv {
  win: Window;
  connect: (name: string) => {
    postMessage(m: unknown): void;
    onMessage: { addListener(l: (m: unknown) => void): void };
    onDisconnect: { addListener(l: () => void): void };
  };
  setTimer: (fn: () => void, ms: number) => void;
}

/** Starts relaying; returns nothing (it lives as long as the page). */
export function startPageApiRelay(env: RelayEnv): void {
  let page: MessagePort | null = null;
  /** The highest event index the page got of each chat (for a reconnect). */
  const seen: Record<string, number> = {};
  /** The chats the page saw end (their end is not told again). */
  const ended: string[] = [];
  let background: ReturnType<RelayEnv['connect']> | null = null;
  const waiting: PageApiRequest[] = [];

  const connect = () => {
    try {
      background = env.connect(PAGE_API_PORT);
    } catch {
      return; // the extension was removed or reloaded: the page's calls time out with a clear message
    }
    const current = background;
    current.onMessage.addListener((m) => {
      const push = m as PageApiPush;
      if (push?.type === 'chat') {
        seen[push.chatId] ??= 0;
        for (const e of push.events) {
          if ('index' in e && e.index > seen[push.chatId]!) seen[push.chatId] = e.index;
          if (e.kind === 'sessionEnded' && !ended.includes(push.chatId)) ended.push(push.chatId);
        }
      }
      page?.postMessage(push);
    });
    current.onDisconnect.addListener(() => {
      background = null;
      env.setTimer(connect, 50); // the worker stopped: come back (that wakes it)
    });
    current.postMessage({ id: 0, request: { call: 'resume', seen, ended } });
    for (const request of waiting.splice(0)) current.postMessage(request);
  };

  env.win.addEventListener('message', (e: MessageEvent) => {
    if (page || e.source !== env.win || (e.data as { type?: unknown } | null)?.type !== PAGE_API_HELLO || !e.ports[0]) return;
    page = e.ports[0];
    page.onmessage = (m: MessageEvent) => {
      const request = m.data as PageApiRequest;
      if (background) background.postMessage(request);
      else waiting.push(request);
    };
    page.postMessage({ type: 'ready' });
    connect();
  });
}
