/**
 * The agent side of the capacity benchmark, on the main thread: each agent is Ready on its
 * own queue, keeps its notification stream (SSE) open and read, accepts the chats of its
 * queue, and writes in each one every `messageEveryMs` (random phase), stamping the text with
 * the wall-clock time of the send so the customer side can time the delivery. Each agent has
 * its own few keep-alive connections, as its browser would.
 */
import { request } from 'node:http';
import { inParallel, wallNow } from './load-util.ts';
import { RawConnection } from './raw-http.ts';

/** One agent login and the queue it serves. */
export interface BenchAgent {
  name: string;
  password: string;
  queue: string;
}

const CONNECTIONS_PER_AGENT = 4;

/** Agents, their streams and their messages. */
export class AgentLoad {
  private readonly connections = new Map<string, RawConnection[]>();
  private readonly byQueue = new Map<string, BenchAgent>();
  private readonly streams: { destroy(): void }[] = [];
  /** The next send of each chat. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private turn = 0;
  /** Bytes received on all notification streams, messages sent, and failed agent calls. */
  readonly counts = { streamBytes: 0, sends: 0, errors: 0 };

  constructor(
    private readonly port: number,
    private readonly agents: BenchAgent[],
    private readonly messageEveryMs: number,
  ) {
    for (const a of agents) {
      const auth = [`Authorization: ${this.auth(a)}`];
      this.connections.set(a.name, Array.from({ length: CONNECTIONS_PER_AGENT }, () => new RawConnection(port, auth)));
      this.byQueue.set(a.queue, a);
    }
  }

  private auth(a: BenchAgent): string {
    return `Basic ${Buffer.from(`${a.name}:${a.password}`).toString('base64')}`;
  }

  private async op(agent: string, path: string, body: object): Promise<void> {
    const pool = this.connections.get(agent)!;
    const a = await pool[this.turn++ % pool.length]!.call('POST', path, body);
    if (a.body?.statusCode !== 0) throw new Error(`${agent} ${JSON.stringify(body)} failed: ${a.status} ${JSON.stringify(a.body)}`);
  }

  /** Sets every agent Ready on its queue and opens its notification stream. */
  async connect(): Promise<void> {
    await inParallel(this.agents, 8, async (a) => {
      await this.op(a.name, '/api/v2/me', { operationName: 'Ready', queues: [a.queue] });
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: this.port, path: '/api/v2/me/notifications', headers: { Authorization: this.auth(a) } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`notification stream of ${a.name}: HTTP ${res.statusCode}`));
          res.on('data', (chunk: Buffer) => (this.counts.streamBytes += chunk.length));
          resolve();
        });
        req.on('error', reject);
        req.end();
        this.streams.push(req);
      });
    });
  }

  /** The agent of each chat's queue accepts it, then writes in it every `messageEveryMs`. */
  async accept(chats: { id: string; queue: string }[]): Promise<void> {
    await inParallel(chats, 16, async ({ id, queue }) => {
      const agent = this.byQueue.get(queue)!.name;
      const path = `/api/v2/me/interactions/${id}`;
      await this.op(agent, path, { operationName: 'Accept', nickname: agent });
      const send = () => {
        this.timers.set(id, setTimeout(send, this.messageEveryMs));
        this.counts.sends++;
        this.op(agent, path, { operationName: 'SendMessage', text: `bench t=${wallNow().toFixed(3)}` }).catch(() => this.counts.errors++);
      };
      this.timers.set(id, setTimeout(send, Math.random() * this.messageEveryMs));
    });
  }

  /** Stops writing and closes the streams and connections. */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.streams) s.destroy();
    for (const pool of this.connections.values()) for (const c of pool) c.close();
  }
}
