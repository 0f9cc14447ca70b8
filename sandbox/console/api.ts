/**
 * The console's client for the agent API: HTTP Basic on every call, GWS envelopes turned
 * into exceptions carrying the statusCode and the server's sentence.
 */
import type { AgentState, AgentView } from '../engine/types.ts';

/** Agent credentials, kept in sessionStorage only (gone when the tab closes). */
export interface Credentials {
  name: string;
  password: string;
}

/**
 * A failed call: `status` is the HTTP status, `code` the GWS statusCode (-1 if none), and
 * `details` the `errors` list some Sandbox extras add (a refused script or import file).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details: { line?: number; path?: string; message: string; text?: string }[] = [],
  ) {
    super(message);
  }
}

/** Authorization header value; encodes UTF-8 so non-ASCII passwords work. */
export function basicAuth({ name, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${name}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Calls the agent API; resolves with the reply body when statusCode is 0. */
export async function call<T = Record<string, unknown>>(
  creds: Credentials,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { Authorization: basicAuth(creds), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => ({}))) as { statusCode?: number; statusMessage?: string; errors?: unknown };
  if (json.statusCode !== 0) {
    const details = Array.isArray(json.errors) ? (json.errors as ApiError['details']).filter((e) => typeof e?.message === 'string') : [];
    throw new ApiError(res.status, json.statusCode ?? -1, json.statusMessage ?? `HTTP ${res.status}`, details);
  }
  return json as T;
}

/** GET /api/v2/me: verifies credentials and returns the agent's state. */
export const getMe = (creds: Credentials) => call<{ user: AgentView }>(creds, 'GET', '/api/v2/me');

/** POST /api/v2/me with Ready or NotReady, on the given queues or (none given) on all. */
export const setAgentState = (creds: Credentials, state: AgentState, queues?: string[]) =>
  call(creds, 'POST', '/api/v2/me', { operationName: state, ...(queues ? { queues } : {}) });

/** GET /api/v2/agents: the configured agents (Transfer and consultation targets). */
export const getAgents = (creds: Credentials) =>
  call<{ agents: { name: string; state: AgentState }[] }>(creds, 'GET', '/api/v2/agents').then((r) => r.agents.map((a) => a.name));

/** POST /api/v2/me/interactions/{id} with an operation body. */
export const act = (creds: Credentials, id: string, body: Record<string, unknown>) =>
  call(creds, 'POST', `/api/v2/me/interactions/${encodeURIComponent(id)}`, body);

/** A random id for SendMessage, so a retried send is not shown twice. */
export const newClientMessageId = (): string => crypto.randomUUID();

/** POST /api/v2/me/interactions/{id}/attachments: sends the visitor a file (multipart). */
export async function sendFile(creds: Credentials, id: string, file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/v2/me/interactions/${encodeURIComponent(id)}/attachments`, {
    method: 'POST', headers: { Authorization: basicAuth(creds) }, body: form,
  });
  const json = (await res.json().catch(() => ({}))) as { statusCode?: number; statusMessage?: string; fileId?: string };
  if (json.statusCode !== 0) throw new ApiError(res.status, json.statusCode ?? -1, json.statusMessage ?? `HTTP ${res.status}`);
  return json.fileId ?? '';
}

/**
 * GETs a file the Sandbox sends as a download, with the agent's credentials (a plain link
 * could not send them); a refusal becomes an ApiError like any call's.
 */
export async function fetchBlob(creds: Credentials, path: string): Promise<Blob> {
  const res = await fetch(path, { headers: { Authorization: basicAuth(creds) } });
  if (!res.ok) {
    const json = (await res.json().catch(() => ({}))) as { statusCode?: number; statusMessage?: string };
    throw new ApiError(res.status, json.statusCode ?? -1, json.statusMessage ?? `HTTP ${res.status}`);
  }
  return res.blob();
}

/** GET /api/v2/me/interactions/{id}/attachments/{fileId}: the file's bytes, saved through a blob URL. */
export const fetchFile = (creds: Credentials, id: string, fileId: string): Promise<Blob> =>
  fetchBlob(creds, `/api/v2/me/interactions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(fileId)}`);
