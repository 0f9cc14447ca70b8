/**
 * The customer side of the capacity benchmark: a few worker threads (customer-worker.ts),
 * each running its share of the chats, so that generating thousands of polls a second does
 * not queue behind one event loop and inflate the very latencies it measures.
 */
import { Worker } from 'node:worker_threads';

/** What the workers measured in one window. */
export interface CustomerSamples {
  /** GetMessages durations (poll mode) or agent-send-to-long-poll-answer times (long-poll mode), ms. */
  latencies: number[];
  /** Failed calls: network errors and non-200 answers. */
  errors: number;
  /** Event-loop utilization (0..1) of each customer thread in the window. */
  busy: number[];
  /** Failures by kind (`GetMessages HTTP 500`, `long-poll ECONNRESET`…). */
  reasons: Record<string, number>;
}

/** Customers spread over worker threads. */
export class CustomerLoad {
  private readonly workers: Worker[];
  private turn = 0;

  constructor(port: number, contactCenterId: string, threads: number, messageEveryMs: number) {
    // A worker does not inherit tsx's loader from this process: register it, then load the TypeScript.
    const url = new URL('./customer-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
    this.workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true, workerData: { port, contactCenterId, messageEveryMs } }));
  }

  /** Sends `command` to one worker and resolves with its next reply of type `expect`. */
  private ask(worker: Worker, command: object, expect: string): Promise<any> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: any) => {
        worker.off('message', onMessage).off('error', onError);
        if (m.type === expect) resolve(m);
        else reject(new Error(m.message ?? `unexpected ${m.type} from a customer worker`));
      };
      const onError = (e: Error) => {
        worker.off('message', onMessage);
        reject(e);
      };
      worker.on('message', onMessage).once('error', onError);
      worker.postMessage(command);
    });
  }

  private all(command: object, expect: string): Promise<any[]> {
    return Promise.all(this.workers.map((w) => this.ask(w, command, expect)));
  }

  /** Starts one chat per queue name (spread over the workers); resolves with each chat's id and queue. */
  async add(queues: string[]): Promise<{ id: string; queue: string }[]> {
    const shares = this.workers.map(() => [] as string[]);
    for (const q of queues) shares[this.turn++ % shares.length]!.push(q);
    const replies = await Promise.all(this.workers.map((w, i) => (shares[i]!.length ? this.ask(w, { type: 'add', queues: shares[i] }, 'added') : { ids: [] })));
    return replies.flatMap((r) => r.ids as { id: string; queue: string }[]);
  }

  /** Starts a measuring window on every worker. */
  async measureStart(): Promise<void> {
    await this.all({ type: 'measure-start' }, 'measuring');
  }

  /** Ends the window and merges what every worker measured. */
  async measureEnd(): Promise<CustomerSamples> {
    const replies = await this.all({ type: 'measure-end' }, 'samples');
    return {
      latencies: replies.flatMap((r) => r.latencies as number[]),
      errors: replies.reduce((n, r) => n + (r.errors as number), 0),
      busy: replies.map((r) => r.busy as number),
      reasons: replies.reduce((all, r) => {
        for (const [k, n] of Object.entries(r.reasons as Record<string, number>)) all[k] = (all[k] ?? 0) + n;
        return all;
      }, {} as Record<string, number>),
    };
  }

  /** Switches every chat from polling once a second to a held long-poll. */
  async longPoll(): Promise<void> {
    await this.all({ type: 'longpoll' }, 'longpolling');
  }

  /** Stops every timer and request, then the threads. */
  async stop(): Promise<void> {
    await this.all({ type: 'stop' }, 'stopped').catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
