/**
 * Keeps the console connected to `/api/v2/me/notifications`: reads the SSE stream with
 * fetch() (EventSource cannot send Authorization), parses it, and reconnects with backoff.
 * Every (re)connection starts with a full snapshot from the server, so the caller resets
 * its state on `onOpen` and loses nothing across a dropped connection.
 */
import { basicAuth, type Credentials } from './api.ts';
import { type SseEvent, SseParser } from './sse-parser.ts';

/** Callbacks of connectNotifications. */
export interface NotificationHandlers {
  onOpen(): void;
  onEvent(event: SseEvent): void;
  onStatus(status: 'connecting' | 'live' | 'offline'): void;
  /** The server said 401: the stored credentials no longer work. */
  onUnauthorized(): void;
}

/** Connects and keeps reconnecting until the returned function is called. */
export function connectNotifications(creds: Credentials, handlers: NotificationHandlers): () => void {
  const abort = new AbortController();
  let delay = 1000;

  const run = async () => {
    while (!abort.signal.aborted) {
      handlers.onStatus('connecting');
      try {
        const res = await fetch('/api/v2/me/notifications', {
          headers: { Authorization: basicAuth(creds), Accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (res.status === 401) return handlers.onUnauthorized();
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        handlers.onOpen();
        handlers.onStatus('live');
        delay = 1000;
        const parser = new SseParser(handlers.onEvent);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      handlers.onStatus('offline');
      // Jitter spreads reconnects when many consoles lose a restarted Sandbox at once.
      await new Promise((r) => setTimeout(r, delay + Math.random() * 250));
      delay = Math.min(delay * 2, 10_000);
    }
  };
  void run();
  return () => abort.abort();
}
