/**
 * The port protocol between the UIs (in-page window, popup) and the background. Types only
 * plus a name constant: the page UI bundle imports this file and must stay free of zod.
 */
import type { FileLimits } from '../core/chat-files';
import type { Phrase } from '../core/i18n/visitor';
import type { Look } from '../core/profiles/look';
import type { ReportData } from '../core/report/report-data';
import type { ChatStatus, TranscriptEntry } from '../core/chat-session';
import type { CrmStatus } from '../core/crm/status';

/** Name of the long-lived port every UI opens to the background. */
export const UI_PORT = 'beckon-ui';

/** The proactive offer open on a tab (`pega.chat.proactiveChat.offer(queue, metadata, bDefaultUI)`). */
export interface OfferView {
  id: string;
  topic: string;
  queue: string;
  metadata: Record<string, string>;
  /** `default`: shown in the page; `custom`: only in the popup (and a notification). */
  ui: 'default' | 'custom';
  /** When the offer withdraws itself (epoch ms), if it does. */
  expiresAt?: number;
}

/** The rule debugger's view of a tab (popup only). */
export interface DebugView {
  at: number;
  url: string;
  pageName: string;
  signals: Record<string, number | boolean | string>;
  reports: {
    ruleId: string;
    name: string;
    match: { status: 'disabled' | 'no-match' | 'waiting' | 'ready'; failing?: string[]; waitMs?: number };
    suppressed?: string;
  }[];
  decision: string;
}

/** Where a chat's CRM interaction is (popup): see `chatCrmStatus` in src/core/crm/status.ts. */
export type CrmChatStatus = CrmStatus;

/** One chat in the popup's chat switcher. */
export interface ChatSummary {
  id: string;
  status: ChatStatus;
  queue: string;
  /** The site it started on (host), if known. */
  site?: string;
  startedAt: number;
  unread: number;
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
  /** Agent messages not yet seen in any open chat window. */
  unread: number;
  /** The highest backend index in the transcript (what a read receipt names). */
  lastIndex: number;
  startedAt: number;
  lastError?: string;
  /** Its CRM interaction (popup only). */
  crm?: CrmChatStatus;
  /** The server's limits on the visitor's files, when it takes files (GMS); absent: no attaching. */
  fileLimits?: FileLimits;
}

/** Everything one UI needs for one tab, pushed by the background on every change. */
export interface TabView {
  tabId: number;
  /** The demo profile's look and language on this tab (absent: Beckon's own, in English). */
  look?: Look;
  offer: OfferView | null;
  chat: ChatView | null;
  /** The last rule evaluation on this tab (popup only). */
  debug?: DebugView;
  /** Every chat not yet over, for the popup's switcher (popup only, when there are several). */
  chats?: ChatSummary[];
  /** Why the tab's page pushed the in-page chat window out (popup only): the chat goes on in the popup. */
  evicted?: string;
  /** When the presenter's "Offer in N seconds" fires on this tab, epoch ms (popup only). */
  countdownAt?: number;
}

/** UI → background over the port. Validated in the background (protocol/messages.ts). */
export type UiToBackground =
  /** The popup names the tab it shows (`tabId`); a page frame presents its host's secret (`frame`). */
  | { type: 'hello'; tabId?: number; frame?: string }
  | { type: 'offer.accept'; offerId: string }
  | { type: 'offer.decline'; offerId: string }
  /** `clientMessageId` is made by the UI, which re-sends until it sees the message stored. */
  | { type: 'chat.send'; chatId: string; text: string; clientMessageId: string }
  | { type: 'chat.end'; chatId: string }
  | { type: 'chat.retry'; chatId: string; clientMessageId: string }
  | { type: 'chat.typing'; chatId: string; typing: boolean }
  | { type: 'chat.read'; chatId: string; index: number }
  /**
   * The visitor attaches a file (`data`: its bytes as base64). `uploadId` is made by the UI,
   * which re-sends until it sees the line stored, like a message's client id.
   */
  | { type: 'file.attach'; chatId: string; uploadId: string; name: string; mime: string; data: string }
  /** The demo report of a chat (popup); answered by a `report` message with the same `requestId`. */
  | { type: 'report.get'; chatId: string; requestId: string }
  /** The visitor downloads a file of the chat; answered by a `file` message with the same `requestId`. */
  | { type: 'file.download'; chatId: string; fileId: string; requestId: string }
  /** The popup shows another chat: the user's focus moved (the CRM switches interaction). */
  | { type: 'chat.focus'; chatId: string }
  | { type: 'heartbeat' }
  /** The UI missed a delta (a gap in `seq`): send the whole view again. */
  | { type: 'resync' }
  | { type: 'debug.fastForward'; seconds: number }
  /** The presenter: offer now on this tab, or in `seconds` (a countdown the popup shows), or cancel it. */
  | { type: 'debug.offerNow' }
  | { type: 'debug.offerIn'; seconds: number }
  | { type: 'debug.cancelOffer' }
  | { type: 'debug.exitIntent' }
  | { type: 'debug.resetVisitor' };

/** A tab's view without the chat's transcript: what a delta carries whole. */
export type TabViewHead = Omit<TabView, 'chat'> & { chat: Omit<ChatView, 'transcript'> | null };

/**
 * Background → UI over the port. A UI gets the whole `view` when it attaches or asks to
 * `resync`; after that, a `delta` per change of the same chat: the head (everything but the
 * transcript, small), the transcript lines that changed by position, and its length. `seq`
 * counts the views and deltas of this port (1, 2, …): a UI that sees a gap asks to resync.
 * `refused`: the port is closed for good (an unknown frame).
 */
export type BackgroundToUi =
  | { type: 'view'; seq: number; view: TabView }
  | { type: 'delta'; seq: number; head: TabViewHead; lines: [position: number, entry: TranscriptEntry][]; length: number }
  /** A refusal to show: `message` in English, `phrase` (when there is one) for the UI's language. */
  | { type: 'error'; message: string; phrase?: Phrase }
  /** The answer to a `file.download`: the file's bytes as base64, or why there are none. */
  | { type: 'file'; requestId: string; name: string; mime: string; data: string }
  | { type: 'file'; requestId: string; error: string; phrase?: Phrase }
  /** The answer to a `report.get`. */
  | { type: 'report'; requestId: string; report: ReportData }
  | { type: 'report'; requestId: string; error: string }
  | { type: 'refused' };
