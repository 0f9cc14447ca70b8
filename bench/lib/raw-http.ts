/**
 * The leanest HTTP/1.1 client the load needs: one keep-alive TCP connection, one request at a
 * time on it (as a browser's connection carries them), requests written as plain text and
 * answers read by `Content-Length`. It costs a fraction of node:http's client (no parser
 * objects, no streams per request), so the load generator leaves the CPU to the Sandbox it
 * measures. It speaks only what the Sandbox answers (JSON with a Content-Length).
 */
import { connect, type Socket } from 'node:net';

/** A finished call: status, parsed JSON body (null if not JSON) and its duration in ms. */
export interface Answer {
  status: number;
  body: any;
  ms: number;
}

interface Pending {
  resolve(answer: Answer): void;
  reject(error: Error): void;
  started: number;
}

/** One connection to 127.0.0.1:`port`, opened on first use and again after it closes. */
export class RawConnection {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly port: number,
    /** Header lines sent with every request (`Name: value`). */
    private readonly headers: string[],
  ) {}

  /** Sends one request (queued behind the one in flight) and resolves with its answer. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const send = () => {
        const data = body === undefined ? '' : JSON.stringify(body);
        const head = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${this.port}`, ...this.headers,
          ...(data ? ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(data)}`] : [])];
        this.pending = { resolve, reject, started: performance.now() };
        this.open().write(`${head.join('\r\n')}\r\n\r\n${data}`);
      };
      if (this.pending) this.queue.push(send);
      else send();
    });
  }

  /** Closes the connection; a request in flight fails. */
  close(): void {
    this.socket?.destroy();
  }

  private open(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect(this.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      this.buffer = Buffer.alloc(0);
      this.finish(new Error('ECONNRESET'));
    });
    return (this.socket = socket);
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const text = this.buffer.toString('utf8', end + 4, end + 4 + length);
    this.buffer = this.buffer.subarray(end + 4 + length);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: left null for the caller to count as an error
    }
    this.finish(null, { status: Number(head.slice(9, 12)), body, ms: 0 });
  }

  private finish(error: Error | null, answer?: Answer): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    if (error) p.reject(error);
    else p.resolve({ ...answer!, ms: performance.now() - p.started });
    this.queue.shift()?.();
  }
}
