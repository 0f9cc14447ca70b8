/**
 * The main-world end of the page API's private channel to Beckon's relay. It hands the relay
 * one end of a `MessageChannel` with a window message before the page's own scripts run; the
 * port is the channel's only way in. The relay may start a moment later than this script, so
 * the hello is repeated, each time with a new channel, until the relay answers on one; calls
 * made meanwhile wait. Calls carry ids; replies settle their promise; pushes (offer outcomes,
 * chat events) go to the listeners.
 */
import { PAGE_API_HELLO, type PageApiCall, type PageApiPush, type PageApiRequest } from '../../protocol/page-api';
import { deferred, type SeedPromise } from './deferred';

/** How long a call waits for Beckon before it fails. */
const CALL_TIMEOUT_MS = 30_000;
const HELLO_EVERY_MS = 100;
const HELLO_TRIES = 50;

/** The page's side of the channel. */
export interface PageChannel {
  call(request: PageApiCall): SeedPromise<unknown>;
  onPush(listener: (push: PageApiPush) => void): void;
}

/** Opens the channel from `win` (the page's window). */
export function openPageChannel(win: Window): PageChannel {
  const pending = new Map<number, ReturnType<typeof deferred<unknown>>>();
  const listeners: ((push: PageApiPush) => void)[] = [];
  const queued: PageApiRequest[] = [];
  const tried: MessagePort[] = [];
  let port: MessagePort | null = null;
  let nextId = 0;

  const onMessage = (from: MessagePort) => (e: MessageEvent) => {
    const push = e.data as PageApiPush | { type: 'ready' } | null;
    if (!push || typeof push !== 'object') return;
    if (push.type === 'ready') {
      if (port) return;
      port = from;
      for (const other of tried) if (other !== from) other.close();
      for (const request of queued.splice(0)) port.postMessage(request);
      return;
    }
    if (from !== port) return;
    if (push.type === 'reply') {
      const waiting = pending.get(push.reply.id);
      pending.delete(push.reply.id);
      if (push.reply.ok) waiting?.resolve(push.reply.value);
      else waiting?.reject({ error: push.reply.error });
      return;
    }
    for (const l of listeners) l(push);
  };

  let tries = 0;
  const hello = () => {
    if (port || ++tries > HELLO_TRIES) return;
    const channel = new MessageChannel();
    tried.push(channel.port1);
    channel.port1.onmessage = onMessage(channel.port1);
    win.postMessage({ type: PAGE_API_HELLO }, '*', [channel.port2]);
    setTimeout(hello, HELLO_EVERY_MS);
  };
  hello();

  return {
    call(request) {
      const d = deferred<unknown>();
      const id = ++nextId;
      pending.set(id, d);
      if (port) port.postMessage({ id, request });
      else queued.push({ id, request });
      setTimeout(() => {
        if (!pending.delete(id)) return;
        d.reject({ error: { code: 504, description: 'Beckon did not answer (is the extension still installed and the site enabled?)' } });
      }, CALL_TIMEOUT_MS);
      return d.promise;
    },
    onPush: (listener) => void listeners.push(listener),
  };
}
