/**
 * A minimal client of Firefox's DevTools remote debugging protocol (what about:debugging and
 * the Browser Toolbox speak), used by the Firefox harness to run privileged code in the parent
 * process. WebDriver BiDi no longer reaches the parent process (Firefox 140 dropped its chrome
 * scope) and Marionette refuses a session while puppeteer's BiDi session is open, so this is
 * the one way left. Firefox listens on a Unix socket given by `--start-debugger-server <path>`
 * (prefs `devtools.debugger.remote-enabled` and `devtools.chrome.enabled`), so only this user
 * can reach it and no port is shared.
 *
 * Wire format: each packet is `<byte length>:<JSON>`. Requests are `{to: actor, type, ...}`;
 * an actor answers its requests in order with packets without a `type`, and sends events
 * (packets with a `type`) in between.
 */
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { waitFor, withTimeout } from './wait.ts';

/** Events kept for a caller that has not asked for them yet. */
const MAX_UNCLAIMED = 50;

type Packet = Record<string, unknown> & { from?: string; type?: string; error?: string; message?: string };

/** The parent process's console: evaluates code with chrome privileges. */
export interface ParentProcessConsole {
  /** Evaluates `expression` (awaited if it is a promise) in the browser window; returns its JSON value. */
  evaluate<R = unknown>(expression: string): Promise<R>;
  close(): void;
}

/** Connects to the DevTools server at `socketPath` and opens the parent process's console. */
export async function connectParentProcessConsole(socketPath: string, timeoutMs = 15_000): Promise<ParentProcessConsole> {
  await waitFor(() => existsSync(socketPath), { timeoutMs, what: `the DevTools server socket ${socketPath}` });
  const socket = await waitFor(() => open(socketPath), { timeoutMs, what: 'a DevTools server connection' });
  const rdp = new RdpConnection(socket);
  try {
    await withTimeout(rdp.greeting, timeoutMs, 'the DevTools server greeting');
    const { processDescriptor } = (await rdp.request('root', 'getProcess', { id: 0 })) as { processDescriptor: { actor: string } };
    const { process } = (await rdp.request(processDescriptor.actor, 'getTarget')) as { process: { consoleActor: string } };
    const consoleActor = process.consoleActor;
    return {
      evaluate: async <R>(expression: string) => {
        // Caught in the page so a rejection comes back with its message (the console drops it).
        const text = `(async () => { try { return JSON.stringify({ ok: true, value: await (${expression}) }); }
          catch (e) { return JSON.stringify({ ok: false, error: String(e?.stack ?? e) }); } })()`;
        const { resultID } = (await rdp.request(consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } })) as { resultID: string };
        const reply = await withTimeout(rdp.event(consoleActor, (p) => p.type === 'evaluationResult' && p.resultID === resultID), 30_000, 'a parent-process evaluation');
        if (reply.hasException) throw new Error(`Parent-process evaluation failed: ${JSON.stringify(reply.exceptionMessage)}`);
        const json = await rdp.fullString(reply.result);
        const outcome = JSON.parse(json) as { ok: boolean; value?: R; error?: string };
        if (!outcome.ok) throw new Error(`Parent-process evaluation failed: ${outcome.error}`);
        return outcome.value as R;
      },
      close: () => socket.destroy(),
    };
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

function open(path: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(undefined));
  });
}

/** One RDP connection: framing, in-order replies per actor, events. */
class RdpConnection {
  readonly greeting: Promise<Packet>;
  private buffer = Buffer.alloc(0);
  private readonly replies = new Map<string, { resolve(p: Packet): void; reject(e: Error): void }[]>();
  private readonly unclaimed: Packet[] = [];
  private readonly listeners = new Set<{ from: string; match(p: Packet): boolean; resolve(p: Packet): void; reject(e: Error): void }>();

  constructor(private readonly socket: Socket) {
    this.greeting = new Promise((resolve, reject) => this.replies.set('root', [{ resolve, reject }]));
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('The DevTools server connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  request(to: string, type: string, params: object = {}): Promise<Packet> {
    const reply = new Promise<Packet>((resolve, reject) => {
      const queue = this.replies.get(to) ?? [];
      queue.push({ resolve, reject });
      this.replies.set(to, queue);
    });
    const json = JSON.stringify({ to, type, ...params });
    this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    return reply.then((p) => (p.error ? Promise.reject(new Error(`${to}.${type}: ${p.error} ${p.message ?? ''}`)) : p));
  }

  /**
   * The first event from `from` that `match` accepts, including one that came in before this
   * call: an evaluation's result can overtake the reply that names it.
   */
  event(from: string, match: (p: Packet) => boolean): Promise<Packet> {
    const early = this.unclaimed.findIndex((p) => p.from === from && match(p));
    if (early >= 0) return Promise.resolve(this.unclaimed.splice(early, 1)[0]!);
    return new Promise((resolve, reject) => this.listeners.add({ from, match, resolve, reject }));
  }

  /** A string grip's whole text (long strings come as an actor to read from). */
  async fullString(grip: unknown): Promise<string> {
    if (typeof grip === 'string') return grip;
    const long = grip as { type?: string; actor?: string; length?: number };
    if (long?.type !== 'longString' || !long.actor) throw new Error(`Expected a string result, got ${JSON.stringify(grip)}`);
    const { substring } = (await this.request(long.actor, 'substring', { start: 0, end: long.length })) as { substring: string };
    return substring;
  }

  private receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (!Number.isInteger(length)) return this.failAll(new Error('Unexpected DevTools packet (bulk data is not supported)'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet) {
    const from = packet.from ?? '';
    if (packet.type && !packet.error && !(from === 'root' && packet.applicationType)) {
      for (const listener of this.listeners) {
        if (listener.from === from && listener.match(packet)) {
          this.listeners.delete(listener);
          listener.resolve(packet);
          return;
        }
      }
      // Nobody waits for it yet; frame updates and the like are never claimed, so keep few.
      this.unclaimed.push(packet);
      if (this.unclaimed.length > MAX_UNCLAIMED) this.unclaimed.shift();
      return;
    }
    this.replies.get(from)?.shift()?.resolve(packet);
  }

  private failAll(error: Error) {
    for (const queue of this.replies.values()) for (const waiter of queue.splice(0)) waiter.reject(error);
    for (const listener of this.listeners) listener.reject(error);
    this.listeners.clear();
  }
}
