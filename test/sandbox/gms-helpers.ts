/** Helpers for tests of the GMS dialect: form and multipart POSTs, a started chat's session, calls with its credentials. */
import { request, type Reply, type TestSandbox } from './helpers.ts';

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A GMS chat as requestChat issued it. */
export type Session = { chatId: string; creds: { userId: string; secureKey: string; alias: string } };

/** A file part for multipart(). */
export interface FilePart {
  name: string;
  type: string;
  data: Uint8Array<ArrayBuffer> | string;
}

/** Callers bound to one Sandbox. */
export function gmsClient(t: () => TestSandbox) {
  const url = (path: string) => `${t().sb.url}/genesys/2/chat/${path}`;
  /** POSTs form fields (an object, or raw form text) to `/genesys/2/chat/<path>`. */
  const gms = (path: string, fields: Record<string, string> | string, headers: Record<string, string | undefined> = {}): Promise<Reply> =>
    request(url(path), 'POST', typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(), { ...FORM, ...headers });
  /** POSTs multipart/form-data (fetch writes the boundary); `file` parts go under their field name. */
  const multipart = async (path: string, fields: Record<string, string>, files: Record<string, FilePart> = {}): Promise<Reply> => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [k, f] of Object.entries(files)) form.append(k, new Blob([f.data], { type: f.type }), f.name);
    const res = await fetch(url(path), { method: 'POST', body: form });
    const text = await res.text();
    let body: Record<string, any>;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, headers: res.headers, body };
  };
  const start = async (fields: Record<string, string> = { nickname: 'Jane' }): Promise<Session> => {
    const r = await gms('request-chat', fields);
    if (r.body.statusCode !== 0) throw new Error(JSON.stringify(r.body));
    return { chatId: r.body.chatId, creds: { userId: r.body.userId, secureKey: r.body.secureKey, alias: r.body.alias } };
  };
  /** Runs `op` (a path suffix) on the session's chat with its credentials. */
  const call = (s: Session, op: string, extra: Record<string, string> = {}) => gms(`request-chat/${s.chatId}/${op}`, { ...s.creds, ...extra });
  return { url, gms, multipart, start, call };
}

/** Messages as `[index, type, from.type, from.participantId, text]` rows. */
export const rows = (messages: any[]) => messages.map((m) => [m.index, m.type, m.from.type, m.from.participantId, m.text]);
