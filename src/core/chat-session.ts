import type { Party } from './chat-events';
import type { ChatFile, FileLimits } from './chat-files';
import type { JourneyEvent } from './report/journey';
import { inEnglish, type Phrase } from './i18n/visitor';

/**
 * Where a chat is in its life: requested → waiting for an agent → connected (one agent) or
 * conferenced (several) → transferred (the agent left, another is expected) → … → ended.
 */
export type ChatStatus = 'requesting' | 'waiting' | 'connected' | 'conferenced' | 'transferred' | 'ended';

/** The status that follows from who is in the chat, for a chat that is not over. */
export function statusForAgents(agents: readonly string[], hadAgent: boolean): ChatStatus {
  if (agents.length > 1) return 'conferenced';
  if (agents.length === 1) return 'connected';
  return hadAgent ? 'transferred' : 'waiting';
}

/** Delivery state of a message the visitor wrote. */
export type Delivery = 'pending' | 'sent' | 'failed';

/** One line of the transcript as the UI shows it. */
export interface TranscriptEntry {
  /** Stable key: `i<index>` once the backend numbered it, `c<clientMessageId>` before. */
  key: string;
  index?: number;
  kind: 'message' | 'notice' | 'file';
  from: Party;
  nickname: string;
  /** What the line says (for a notice Beckon wrote, in English: see `phrase`). */
  text: string;
  /**
   * For a notice Beckon wrote: its phrase, which each UI shows in its own language. Lines
   * stored before there were phrases have none and show their `text`.
   */
  phrase?: Phrase;
  at: number;
  clientMessageId?: string;
  delivery?: Delivery;
  /** For a notice that someone joined or left: which (the page API's callbacks need it). */
  event?: 'joined' | 'left';
  /** For a `file` line: the file (the visitor's upload has no `id` until it is through). */
  file?: ChatFile;
  /** Why the visitor's message or file could not be delivered, when the server said. */
  failure?: string;
}

/** Everything persisted about one chat: enough to resume it after the worker stops. */
export interface ChatSession {
  /** Local id, known before the backend assigns `chatId`. */
  id: string;
  chatId: string | null;
  tabId: number;
  queue: string;
  status: ChatStatus;
  agents: string[];
  agentTyping: boolean;
  /** Highest backend index merged so far (0 = none). */
  lastIndex: number;
  /** After a failure or a restart, re-read from `lastIndex + 1` instead of the server-side cursor. */
  needsResync: boolean;
  transcript: TranscriptEntry[];
  createdAt: number;
  endedAt?: number;
  /** Consecutive failed backend calls; drives backoff and the "offline" notice. */
  failures: number;
  lastError?: string;
  /** User data to send to the backend (setUserData) at the loop's next chance. */
  pendingUserData?: Record<string, string>;
  /** The backend's opaque per-chat session (GMS credentials and read position); none for GWS. */
  backendSession?: string;
  /** The site (host) the chat started on: it shows in every tab on that site. */
  site?: string;
  /** Highest backend index the visitor has seen in an open chat window (for the unread count). */
  readIndex?: number;
  /** The visitor asked to end the chat; Complete is sent (and retried) before it counts as ended. */
  endRequested?: boolean;
  /** What RequestChat is (re)issued with until the backend assigns `chatId`. */
  request: ChatRequest;
  /** The page the offer was accepted on, as rules saw it (privacy guard applied), for the CRM. */
  page?: OfferPage;
  /**
   * `page-chat`: the page started it through the page API (`chat.startChat`): the page shows it
   * in its own widget (not Beckon's window) and may act on it from its tab.
   */
  origin?: 'page-chat';
  /**
   * The backend's limits on the visitor's files in this chat (GMS `file/limits`), read once the
   * chat exists; `null` when the backend has no file API; absent until read.
   */
  fileLimits?: FileLimits | null;
  /** The visitor's journey before this chat (pages, rule decisions, the offer), for the demo report. */
  journey?: JourneyEvent[];
  /** The upload whose request was sent last: after a restart it goes again only after a read by index shows it did not arrive. */
  uploading?: string;
}

/** Where an offer was made: page name, URL and time on page, cleaned by the privacy guard. */
export interface OfferPage {
  pageName: string;
  url: string;
  /** Visible time on page when offered, e.g. `12 s`. */
  timeOnPage: string;
}

/** The visitor-side parameters of a chat request. */
export interface ChatRequest {
  nickname: string;
  subject: string;
  userData: Record<string, string>;
}

/** A session that was just accepted, before the backend knows about it. */
export function newSession(id: string, tabId: number, queue: string, request: ChatRequest, now: number, site?: string): ChatSession {
  return {
    id, chatId: null, tabId, queue, status: 'requesting', agents: [], agentTyping: false,
    lastIndex: 0, needsResync: false, transcript: [], createdAt: now, failures: 0, request, ...(site ? { site } : {}),
  };
}

/**
 * Where a chat shows: in the tab it started in (it follows that tab to other pages and
 * sites), and in every tab on the site it started on.
 */
export function chatShownIn(s: ChatSession, tabId: number, site: string | undefined): boolean {
  return s.tabId === tabId || (site !== undefined && s.site === site);
}

/** Visitor messages not yet confirmed by the backend, oldest first: the durable outbox. */
export function pendingMessages(session: ChatSession): TranscriptEntry[] {
  return session.transcript.filter((e) => e.delivery === 'pending');
}

/** Appends a visitor message as pending. The caller persists before sending it. */
export function queueMessage(s: ChatSession, text: string, clientMessageId: string, nickname: string, now: number): ChatSession {
  const entry: TranscriptEntry = {
    key: `c${clientMessageId}`, kind: 'message', from: 'visitor', nickname, text, at: now,
    clientMessageId, delivery: 'pending',
  };
  return { ...s, transcript: [...s.transcript, entry] };
}

/** {@link queueMessage}, unless a message with this id is already there (a UI or page sending it again). */
export function queueMessageOnce(s: ChatSession, text: string, clientMessageId: string, nickname: string, now: number): ChatSession {
  return s.transcript.some((e) => e.clientMessageId === clientMessageId) ? s : queueMessage(s, text, clientMessageId, nickname, now);
}

/** Marks a queued message as accepted by the backend. */
export function markSent(s: ChatSession, clientMessageId: string): ChatSession {
  return {
    ...s,
    transcript: s.transcript.map((e) =>
      e.clientMessageId === clientMessageId && e.delivery === 'pending' ? { ...e, delivery: 'sent' } : e,
    ),
  };
}

/** Marks a queued message as refused by the backend for good (it will not be retried). */
export function markFailed(s: ChatSession, clientMessageId: string, failure?: string): ChatSession {
  return {
    ...s,
    transcript: s.transcript.map((e) =>
      e.clientMessageId === clientMessageId && e.delivery === 'pending' ? { ...e, delivery: 'failed', ...(failure ? { failure } : {}) } : e,
    ),
  };
}

/** Puts a message that failed for good back in the outbox, to be sent again. */
export function retryMessage(s: ChatSession, clientMessageId: string): ChatSession {
  return {
    ...s,
    transcript: s.transcript.map((e) => {
      if (e.clientMessageId !== clientMessageId || e.delivery !== 'failed') return e;
      const { failure: _failure, ...rest } = e;
      return { ...rest, delivery: 'pending' };
    }),
  };
}

/** Agent messages the visitor has not seen yet. */
export function unreadCount(s: ChatSession): number {
  const read = s.readIndex ?? 0;
  return s.transcript.filter((e) => e.kind === 'message' && e.from === 'agent' && (e.index ?? 0) > read).length;
}

/** Ends the chat (idempotent), with a notice saying why (a phrase, or words of the server's). */
export function endSession(s: ChatSession, notice: Phrase | string, now: number): ChatSession {
  if (s.status === 'ended') return s;
  const said = typeof notice === 'string' ? { text: notice } : { text: inEnglish(notice), phrase: notice };
  const entry: TranscriptEntry = { key: `end${now}`, kind: 'notice', from: 'system', nickname: '', ...said, at: now };
  return { ...s, status: 'ended', agentTyping: false, endedAt: now, transcript: [...s.transcript, entry] };
}
