/**
 * The port protocol between the UIs (in-page window, popup) and the background. Types only
 * plus a name constant: the page UI bundle imports this file and must stay free of zod.
 */
import type { ChatStatus, TranscriptEntry } from '../core/chat-session';

/** Name of the long-lived port every UI opens to the background. */
export const UI_PORT = 'beckon-ui';

/** The proactive offer open on a tab (`pega.chat.proactiveChat.offer(queue, metadata, bDefaultUI)`). */
export interface OfferView {
  id: string;
  topic: string;
  queue: string;
  metadata: Record<string, string>;
}

/** A chat as the UIs show it. */
export interface ChatView {
  id: string;
  status: ChatStatus;
  queue: string;
  agents: string[];
  agentTyping: boolean;
  transcript: TranscriptEntry[];
  /** True after repeated failures to reach the backend; cleared when it answers again. */
  offline: boolean;
  lastError?: string;
}

/** Everything one UI needs for one tab, pushed by the background on every change. */
export interface TabView {
  tabId: number;
  offer: OfferView | null;
  chat: ChatView | null;
}

/** UI → background over the port. Validated in the background (protocol/messages.ts). */
export type UiToBackground =
  | { type: 'hello'; tabId?: number }
  | { type: 'offer.accept'; offerId: string }
  | { type: 'offer.decline'; offerId: string }
  | { type: 'chat.send'; chatId: string; text: string }
  | { type: 'chat.end'; chatId: string }
  | { type: 'heartbeat' };

/** Background → UI over the port. */
export type BackgroundToUi = { type: 'view'; view: TabView } | { type: 'error'; message: string };
