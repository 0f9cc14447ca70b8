/**
 * A tiny typed client for the Sandbox agent API (HTTP Basic auth), so specs can play the
 * agent: go Ready, accept the chat the extension started, reply, end it.
 * Wire shapes: sandbox/engine/types.ts and sandbox/README.md.
 */
import { waitFor, type WaitOptions } from './wait.ts';

export interface AgentMessage {
  index: number;
  type: string;
  from: { nickname: string; type: string; participantId?: string };
  text?: string;
  utcTime?: number;
}

export interface AgentInteraction {
  id: string;
  state: 'Offered' | 'Chatting' | 'Ended' | (string & {});
  queue: string;
  subject?: string | null;
  customer?: { nickname: string };
  userData: Record<string, string>;
  messages: AgentMessage[];
  [key: string]: unknown;
}

/** A non-zero GWS statusCode (or a non-2xx HTTP status) from the agent API. */
export class AgentApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number,
    readonly statusCode: number | undefined,
  ) {
    super(message);
  }
}

export interface AgentClient {
  readonly name: string;
  /** The agent's availability (`GET /api/v2/me`). */
  state(): Promise<'Ready' | 'NotReady'>;
  ready(): Promise<void>;
  notReady(): Promise<void>;
  /** Chats this agent sees: offered (while Ready), chatting, ended; oldest first. */
  interactions(): Promise<AgentInteraction[]>;
  /** One chat this agent can see, or undefined (404). */
  interaction(id: string): Promise<AgentInteraction | undefined>;
  accept(id: string, nickname?: string): Promise<void>;
  send(id: string, text: string): Promise<void>;
  stop(id: string): Promise<void>;
  /**
   * Sends the customer a file (`POST /api/v2/me/interactions/{id}/attachments`, multipart:
   * `file` with its name and type, optional `description`; GMS chats only). Resolves with its id.
   */
  sendFile(id: string, file: { name: string; mime: string; bytes: Uint8Array; description?: string }): Promise<string>;
  /** Any other seed-004 operation on a chat (Transfer, StartChatConsultation, CompleteConference, …). */
  operation(id: string, operationName: string, params?: object): Promise<void>;
  /** Polls `interactions()` until one matches; default deadline 15 s. */
  waitForInteraction(predicate: (i: AgentInteraction) => boolean, opts?: WaitOptions): Promise<AgentInteraction>;
}

/** A client for agent `name` on the Sandbox at `baseUrl` (e.g. TestSandbox.url). */
export function agentClient(baseUrl: string, agent: { name: string; password: string }): AgentClient {
  const authorization = `Basic ${Buffer.from(`${agent.name}:${agent.password}`).toString('base64')}`;

  async function call<T extends object>(method: 'GET' | 'POST', path: string, body?: object | FormData): Promise<T> {
    const isJson = body !== undefined && !(body instanceof FormData);
    const response = await fetch(new URL(path, baseUrl), {
      method,
      // A FormData body sets its own multipart Content-Type (with the boundary).
      headers: { authorization, ...(isJson ? { 'content-type': 'application/json' } : {}) },
      body: isJson ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    let json: { statusCode?: number; statusMessage?: string } & T;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AgentApiError(`${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`, response.status, undefined);
    }
    if (!response.ok || (json.statusCode ?? 0) !== 0) {
      const detail = json.statusMessage ?? text.slice(0, 200);
      throw new AgentApiError(`${method} ${path}: HTTP ${response.status}, statusCode ${json.statusCode}: ${detail}`, response.status, json.statusCode);
    }
    return json;
  }

  const operate = (id: string, body: object) =>
    call('POST', `/api/v2/me/interactions/${encodeURIComponent(id)}`, body).then(() => undefined);

  const client: AgentClient = {
    name: agent.name,
    state: () => call<{ user: { state: 'Ready' | 'NotReady' } }>('GET', '/api/v2/me').then((r) => r.user.state),
    ready: () => call('POST', '/api/v2/me', { operationName: 'Ready' }).then(() => undefined),
    notReady: () => call('POST', '/api/v2/me', { operationName: 'NotReady' }).then(() => undefined),
    interactions: () =>
      call<{ interactions: AgentInteraction[] }>('GET', '/api/v2/me/interactions').then((r) => r.interactions),
    interaction: (id) =>
      call<{ interaction: AgentInteraction }>('GET', `/api/v2/me/interactions/${encodeURIComponent(id)}`).then(
        (r) => r.interaction,
        (error: unknown) => {
          if (error instanceof AgentApiError && error.httpStatus === 404) return undefined;
          throw error;
        },
      ),
    accept: (id, nickname = agent.name) => operate(id, { operationName: 'Accept', nickname }),
    send: (id, text) => operate(id, { operationName: 'SendMessage', text }),
    stop: (id) => operate(id, { operationName: 'StopProcessing' }),
    sendFile: (id, file) => {
      const form = new FormData();
      if (file.description !== undefined) form.append('description', file.description);
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
      return call<{ fileId: string }>('POST', `/api/v2/me/interactions/${encodeURIComponent(id)}/attachments`, form).then((r) => r.fileId);
    },
    operation: (id, operationName, params = {}) => operate(id, { operationName, ...params }),
    waitForInteraction: (predicate, opts) =>
      waitFor(async () => (await client.interactions()).find(predicate), {
        timeoutMs: 15_000,
        intervalMs: 200,
        what: 'a matching agent interaction',
        ...opts,
      }),
  };
  return client;
}
