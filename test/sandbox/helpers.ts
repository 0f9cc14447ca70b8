/**
 * Shared helpers for the Sandbox tests: start a real Sandbox on a free port with its own
 * data directory, call it over HTTP, snapshot its database, and read its SSE stream.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox/server.ts';
import { type SseEvent, SseParser } from '../../sandbox/console/sse-parser.ts';

/** A JSON reply: HTTP status, headers and parsed body. */
export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

/** A running test Sandbox plus typed callers for both APIs. */
export interface TestSandbox {
  sb: RunningSandbox;
  dataDir: string;
  /** Calls the customer API with the right ContactCenterId unless headers override it. */
  customer(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string | undefined>): Promise<Reply>;
  /** Calls the agent API as `agent`, with its configured password. */
  agent(agent: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string | undefined>): Promise<Reply>;
  /** Every row of every table, to prove a failed request changed nothing. */
  snapshot(): Record<string, unknown[]>;
  stop(): Promise<void>;
}

/** Basic authorization header value. */
export const basic = (name: string, password = name) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

/** Sends a request; `body` strings are sent as they are, anything else as JSON. */
export async function request(url: string, method: string, body: unknown, headers: Record<string, string | undefined>): Promise<Reply> {
  const h: Record<string, string> = {};
  if (body !== undefined) h['content-type'] = 'application/json';
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) delete h[k.toLowerCase()];
    else h[k.toLowerCase()] = v;
  }
  const res = await fetch(url, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: Record<string, any> = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Reads every table of the data directory's database through a separate read-only connection. */
export function snapshotDb(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'sandbox.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = ['chats', 'participants', 'messages', 'agents', 'agent_queues', 'chat_agents', 'chat_rejections', 'gms_sessions', 'chat_files',
      'chat_log', 'autopilot_scripts', 'autopilot_queues', 'canned_replies'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

/** Starts a Sandbox on port 0 in a fresh temporary directory (or the given one). */
export async function startTestSandbox(opts: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'beckon-sbx-'));
  const sb = await startSandbox({ port: 0, quiet: true, ...opts, dataDir });
  return {
    sb,
    dataDir,
    customer: (method, path, body, headers = {}) =>
      request(sb.url + path, method, body, { ContactCenterId: sb.contactCenterId, ...headers }),
    agent: (agent, method, path, body, headers = {}) => {
      const password = sb.agents.find((a) => a.name === agent)?.password ?? agent;
      return request(sb.url + path, method, body, { Authorization: basic(agent, password), ...headers });
    },
    snapshot: () => snapshotDb(dataDir),
    async stop() {
      await sb.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An open notification stream with helpers to wait for events. */
export interface StreamReader {
  status: number;
  contentType: string | null;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first not-yet-taken event matching; rejects after `timeoutMs`. */
  take(event: string, pred?: (data: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

/** Opens `/api/v2/me/notifications` with fetch and parses it with the console's parser. */
export async function openNotifications(url: string, agent: string): Promise<StreamReader> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v2/me/notifications`, { headers: { Authorization: basic(agent) }, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const taken = new Set<number>();
  const parser = new SseParser((e) => events.push(e), (c) => comments.push(c));
  void (async () => {
    try {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    comments,
    async take(event, pred = () => true, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = events.findIndex((e, n) => !taken.has(n) && e.event === event && pred(JSON.parse(e.data)));
        if (i >= 0) {
          taken.add(i);
          return JSON.parse(events[i]!.data);
        }
        if (Date.now() > deadline) throw new Error(`No ${event} event within ${timeoutMs} ms; got: ${events.map((e) => e.event).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => abort.abort(),
  };
}

/** Creates a chat and returns its id. */
export async function requestChat(t: TestSandbox, body: Record<string, unknown> = { nickname: 'Jane' }): Promise<string> {
  const r = await t.customer('POST', '/api/v2/chats', body);
  if (r.body.statusCode !== 0) throw new Error(`RequestChat failed: ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

/** Sets `agent` Ready or NotReady, on `queues` or (none given) on every queue; throws on failure. */
export async function setReady(t: TestSandbox, agent: string, state: 'Ready' | 'NotReady', queues?: string[]): Promise<void> {
  const r = await t.agent(agent, 'POST', '/api/v2/me', { operationName: state, ...(queues ? { queues } : {}) });
  if (r.body.statusCode !== 0) throw new Error(`${state} failed: ${JSON.stringify(r.body)}`);
}

/** Creates a chat and has `agent` go Ready and accept it under `nickname`. */
export async function acceptedChat(t: TestSandbox, agent = 'alice', nickname = 'Alice'): Promise<string> {
  const id = await requestChat(t);
  await t.agent(agent, 'POST', '/api/v2/me', { operationName: 'Ready' });
  const r = await t.agent(agent, 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'Accept', nickname });
  if (r.body.statusCode !== 0) throw new Error(`Accept failed: ${JSON.stringify(r.body)}`);
  return id;
}
