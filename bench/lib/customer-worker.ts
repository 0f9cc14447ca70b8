/**
 * Customers of the capacity benchmark, in a worker thread: each chat is started with
 * RequestChat, then polls GetMessages once a second (one request in flight, as real clients
 * do) and sends a message every `messageEveryMs`, each on its own random phase, over its own
 * two keep-alive connections (raw-http.ts), as a visitor's browser would: a shared pool would
 * open a burst of connections whenever the server stalls, and a burst the accept queue drops
 * costs a SYN retry of 1 s or more. In long-poll
 * mode each chat instead keeps one GetMessages `?wait=` held, and the time from an agent's
 * send (stamped in its text) to the answer that brings it is a delivery sample.
 * Driven by messages from customer-load.ts.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { inParallel, wallNow } from './load-util.ts';
import { RawConnection } from './raw-http.ts';

const { port, contactCenterId, messageEveryMs } = workerData as { port: number; contactCenterId: string; messageEveryMs: number };
const LONG_POLL_RAMP_MS = 3000;
const headers = [`ContactCenterId: ${contactCenterId}`];

interface Chat {
  id: string;
  /** The connection GetMessages goes over, and the one for sends. */
  poll: RawConnection;
  send: RawConnection;
  timers: NodeJS.Timeout[];
  sent: number;
}
const chats: Chat[] = [];
let mode: 'poll' | 'longpoll' | 'stopped' = 'poll';
let measuring = false;
let busySince = performance.eventLoopUtilization();
let latencies: number[] = [];
let errors = 0;
/** What the first failures were (status or error message), to tell why on stderr. */
let reasons = new Map<string, number>();

const record = (ok: boolean, sample: number, into: number[], reason = '') => {
  if (!measuring) return;
  if (ok) return void into.push(sample);
  errors++;
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
};
const why = (e: unknown) => (e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e));

/** One poll a second, skipped while the previous one is still out. */
function startPolling(chat: Chat): void {
  let busy = false;
  const tick = () => {
    if (mode !== 'poll') return;
    chat.timers[0] = setTimeout(tick, 1000);
    if (busy) return;
    busy = true;
    chat.poll.call('GET', `/api/v2/chats/${chat.id}/messages`).then(
      (a) => record(a.status === 200, a.ms, latencies, `GetMessages HTTP ${a.status}`),
      (e) => record(false, 0, latencies, `GetMessages ${why(e)}`),
    ).finally(() => (busy = false));
  };
  chat.timers[0] = setTimeout(tick, Math.random() * 1000);
  const send = () => {
    if (mode === 'stopped') return;
    chat.timers[1] = setTimeout(send, messageEveryMs);
    const text = `customer message ${++chat.sent}`;
    chat.send.call('POST', `/api/v2/chats/${chat.id}`, { operationName: 'SendMessage', text }).then(
      (a) => a.status === 200 || record(false, 0, latencies, `SendMessage HTTP ${a.status}`),
      (e) => record(false, 0, latencies, `SendMessage ${why(e)}`),
    );
  };
  chat.timers[1] = setTimeout(send, Math.random() * messageEveryMs);
}

/** Keeps one long-poll held; samples each agent message's send-to-answer time. */
async function longPoll(chat: Chat): Promise<void> {
  while (mode === 'longpoll') {
    try {
      const a = await chat.poll.call('GET', `/api/v2/chats/${chat.id}/messages?wait=25000`);
      const at = wallNow();
      if (a.status !== 200) record(false, 0, latencies, `long-poll HTTP ${a.status}`);
      for (const m of a.body?.messages ?? []) {
        const stamp = /^bench t=([\d.]+)$/.exec(m.type === 'Text' && m.from?.type === 'Agent' ? m.text : '');
        if (stamp) record(true, at - Number(stamp[1]), latencies);
      }
    } catch (e) {
      record(false, 0, latencies, `long-poll ${why(e)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function add(queues: string[]): Promise<{ id: string; queue: string }[]> {
  const ids: { id: string; queue: string }[] = [];
  await inParallel(queues, 16, async (queue) => {
    const send = new RawConnection(port, headers);
    const a = await send.call('POST', '/api/v2/chats', { operationName: 'RequestChat', nickname: 'Bench visitor', endpoint: queue });
    if (a.body?.statusCode !== 0) throw new Error(`RequestChat failed: ${a.status} ${JSON.stringify(a.body)}`);
    const chat: Chat = { id: a.body.id, poll: new RawConnection(port, headers), send, timers: [], sent: 0 };
    chats.push(chat);
    ids.push({ id: chat.id, queue });
    startPolling(chat);
  });
  return ids;
}

parentPort!.on('message', (m: { type: string; queues?: string[] }) => {
  const reply = (message: unknown) => parentPort!.postMessage(message);
  switch (m.type) {
    case 'add':
      add(m.queues ?? []).then((ids) => reply({ type: 'added', ids }), (e: Error) => reply({ type: 'error', message: e.message }));
      break;
    case 'measure-start':
      [measuring, latencies, errors, busySince, reasons] = [true, [], 0, performance.eventLoopUtilization(), new Map()];
      reply({ type: 'measuring' });
      break;
    case 'measure-end':
      measuring = false;
      // How busy this thread was: a saturated load generator would inflate what it measures.
      reply({ type: 'samples', latencies, errors, reasons: Object.fromEntries(reasons), busy: performance.eventLoopUtilization(busySince).utilization });
      break;
    case 'longpoll': {
      mode = 'longpoll';
      for (const chat of chats) clearTimeout(chat.timers[0]);
      // Spread over LONG_POLL_RAMP_MS: thousands of new connections at once would overflow the
      // server's accept queue, and a dropped SYN is retried only after 1, 3, 7, 15 s.
      chats.forEach((chat, i) => setTimeout(() => void longPoll(chat), (i / chats.length) * LONG_POLL_RAMP_MS));
      setTimeout(() => reply({ type: 'longpolling' }), LONG_POLL_RAMP_MS);
      break;
    }
    case 'stop':
      mode = 'stopped';
      for (const chat of chats) {
        chat.timers.forEach(clearTimeout);
        chat.poll.close();
        chat.send.close();
      }
      reply({ type: 'stopped' });
      break;
  }
});
