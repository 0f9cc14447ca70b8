/**
 * The console's client for the Sandbox's demo tools (all behind the agent's credentials): the
 * autopilot (state, scripts, switching, watching and taking over a chat), canned replies
 * (with their export file) and the agent's report of a chat. Files come back as Blobs that the
 * console saves through a blob URL (downloads.ts).
 */
import type { AutopilotChat, QueueStatus } from '../autopilot/status.ts';
import type { CannedExport, CannedReply } from '../canned/schemas.ts';
import type { AgentMessage, Participant } from '../engine/types.ts';
import { call, type Credentials, fetchBlob } from './api.ts';

/** The autopilot's state (GET /api/sandbox/autopilot). */
export interface AutopilotState {
  queues: QueueStatus[];
  scripts: { name: string; queue: string; updatedAt: number }[];
  chats: AutopilotChat[];
}

/** A chat the autopilot is or was in, as an agent watching it sees it. */
export interface WatchedChat {
  id: string; queue: string; subject: string | null; customer: { nickname: string }; userData: Record<string, string>;
  createdAt: number; endedAt: number | null; ended: boolean; participants: Participant[]; messages: AgentMessage[];
}

const enc = encodeURIComponent;

export const getAutopilot = (creds: Credentials) => call<AutopilotState>(creds, 'GET', '/api/sandbox/autopilot');
export const getWatchedChat = (creds: Credentials, id: string) => call<{ chat: WatchedChat }>(creds, 'GET', `/api/sandbox/autopilot/chats/${enc(id)}`).then((r) => r.chat);
export const takeOver = (creds: Credentials, id: string, nickname: string) => call(creds, 'POST', `/api/sandbox/autopilot/chats/${enc(id)}/takeover`, { nickname });
export const getTemplates = (creds: Credentials) => call<{ templates: { name: string; source: string }[] }>(creds, 'GET', '/api/sandbox/autopilot/templates').then((r) => r.templates);
export const getScript = (creds: Credentials, name: string) => call<{ script: { name: string; source: string } }>(creds, 'GET', `/api/sandbox/autopilot/scripts/${enc(name)}`).then((r) => r.script);
export const saveScript = (creds: Credentials, name: string, source: string) => call(creds, 'PUT', `/api/sandbox/autopilot/scripts/${enc(name)}`, { source });
export const validateScript = (creds: Credentials, name: string, source: string) => call(creds, 'POST', '/api/sandbox/autopilot/validate', { name, source });
export const deleteScript = (creds: Credentials, name: string) => call(creds, 'DELETE', `/api/sandbox/autopilot/scripts/${enc(name)}`);
export const selectScript = (creds: Credentials, queue: string, script: string | null) => call(creds, 'POST', `/api/sandbox/autopilot/queues/${enc(queue)}`, { script });

export const listCanned = (creds: Credentials) => call<{ replies: CannedReply[] }>(creds, 'GET', '/api/sandbox/canned-replies').then((r) => r.replies);
export const createCanned = (creds: Credentials, shortcut: string, text: string) => call(creds, 'POST', '/api/sandbox/canned-replies', { shortcut, text });
export const updateCanned = (creds: Credentials, id: number, shortcut: string, text: string) => call(creds, 'PUT', `/api/sandbox/canned-replies/${id}`, { shortcut, text });
export const deleteCanned = (creds: Credentials, id: number) => call(creds, 'DELETE', `/api/sandbox/canned-replies/${id}`);
/** Imports an export file (its parsed JSON); `mode` merge keeps the others, replace drops them. */
export const importCanned = (creds: Credentials, file: Record<string, unknown>, mode: 'merge' | 'replace') =>
  call<{ imported: number }>(creds, 'POST', `/api/sandbox/canned-replies/import?mode=${mode}`, file);

export const exportCanned = (creds: Credentials) => fetchBlob(creds, '/api/sandbox/canned-replies/export');
/** The agent's report of a chat: one self-contained HTML file, or its data as JSON. */
export const fetchReport = (creds: Credentials, id: string, format: 'html' | 'json') => fetchBlob(creds, `/api/v2/me/interactions/${enc(id)}/report?format=${format}`);
export type { CannedExport, CannedReply };
