import { atom } from 'nanostores';
import { phrase, type Phrase } from '../core/i18n/visitor';
import type { ReportData } from '../core/report/report-data';
import { UI_PORT, type BackgroundToUi, type TabView, type UiToBackground } from '../protocol/ports';
import { openRuntimePort, type OpenPort, type UiPort } from './ui-port';
import { ViewSync } from './view-sync';

/** Messages keep an MV3 worker alive (an open port alone does not): one every 20 s while a UI shows. */
const HEARTBEAT_MS = 20_000;
/** Pause before reconnecting again after a reconnect failed at once, so a crash loop cannot spin. */
const RECONNECT_MS = 250;
/** A port that lived this long was healthy: reconnect at once when it drops (the worker stopped). */
const HEALTHY_PORT_MS = 2_000;

/**
 * Connection to the background as the UI sees it. `gone`: the extension was reloaded or
 * removed; `refused`: the background did not accept who this UI says it is (a page frame
 * without its host's secret).
 */
export type Link = 'connecting' | 'connected' | 'gone' | 'refused';

/** Who a UI speaks for: the popup names its tab; a page frame proves it was placed by its host. */
export type UiTarget = { tabId?: number } | { frameSecret: string };

/** A refusal to show: in English, and as a phrase when it has one (the UI says it in its language). */
export interface Notice {
  message: string;
  phrase?: Phrase;
}

/** The UI's live state: the tab's view, the link, and the last refusal to show. */
export interface UiClient {
  $view: ReturnType<typeof atom<TabView | null>>;
  $link: ReturnType<typeof atom<Link>>;
  $notice: ReturnType<typeof atom<Notice | null>>;
  send: (msg: UiToBackground) => void;
  /** Downloads a file of a chat through the background: its name, type and bytes, or why not. */
  downloadFile: (chatId: string, fileId: string) => Promise<FileAnswer>;
  /** The demo report's data of a chat, or why there is none. */
  /** The chat's demo report, or why not: the background's words, or the client's own failure (`problem`). */
  fetchReport: (chatId: string) => Promise<{ report: ReportData } | ReportFailure>;
  close: () => void;
}

/** No report: the background's reason, or the client's own failure with its phrase. */
export type ReportFailure = { error: string; phrase?: Phrase };

/** An answer to a request, or the error that stands in for one. */
type Answer = Extract<BackgroundToUi, { type: 'file' | 'report' }> | { error: string; phrase?: Phrase };

/** What a download brings: the file, or a message to show (with its phrase, for the visitor's language). */
export type FileAnswer = { name: string; mime: string; data: string } | { error: string; phrase?: Phrase };

/**
 * An error of the client's own: the phrase the UI says in its language. Its key stands in for
 * the English, which the in-page bundle does not carry.
 */
const failure = (p: Phrase) => ({ error: p.key, phrase: p });

/** A download the background has not answered in this long is given up (a 10 MB file takes far less). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Opens the UI port to the background and keeps it open: when the worker stops the port
 * disconnects, and the client reconnects at once (which wakes the worker), so the view
 * never goes stale. The popup names its tab; a page frame is bound to the tab it is in.
 */
export function createUiClient(target: UiTarget = {}, openPort: OpenPort = openRuntimePort): UiClient {
  const hello: UiToBackground =
    'frameSecret' in target ? { type: 'hello', frame: target.frameSecret } : { type: 'hello', ...(target.tabId === undefined ? {} : { tabId: target.tabId }) };
  const $view = atom<TabView | null>(null);
  const $link = atom<Link>('connecting');
  const $notice = atom<Notice | null>(null);
  let port: UiPort | null = null;
  let closed = false;
  const outbox: UiToBackground[] = [];
  /**
   * Messages sent but not yet seen stored by the background. A worker can stop between
   * receiving a message and persisting it; these go out again on every reconnect until
   * they show up in the view (the background ignores ids it already has).
   */
  const unconfirmed = new Map<string, UiToBackground>();
  /** Requests (downloads, reports) waiting for their answer, by request id. */
  const waiting = new Map<string, (answer: Answer) => void>();
  /** Sends a request and resolves with its answer, or with an error when there is none in time. */
  const request = (msg: (requestId: string) => UiToBackground): Promise<Answer> =>
    new Promise<Answer>((resolve) => {
      const requestId = crypto.randomUUID();
      const done = (answer: Answer) => {
        clearTimeout(timer);
        waiting.delete(requestId);
        resolve(answer);
      };
      const timer = setTimeout(() => done(failure(phrase('error.noAnswer'))), DOWNLOAD_TIMEOUT_MS);
      waiting.set(requestId, done);
      if (port) port.postMessage(msg(requestId));
      else done(failure(phrase('error.notConnected')));
    });

  const connect = () => {
    if (closed) return;
    const openedAt = Date.now();
    try {
      port = openPort(UI_PORT);
    } catch {
      $link.set('gone'); // The extension was reloaded or removed.
      return;
    }
    const current = port;
    const sync = new ViewSync(); // a new connection starts with a whole view
    current.onMessage.addListener((raw: unknown) => {
      const msg = raw as BackgroundToUi;
      if (msg.type === 'refused') {
        closed = true; // not ours to show: do not knock again
        $link.set('refused');
        return;
      }
      $link.set('connected');
      if (msg.type === 'error') {
        $notice.set(msg.phrase ? { message: msg.message, phrase: msg.phrase } : { message: msg.message });
        return;
      }
      if (msg.type === 'file' || msg.type === 'report') {
        waiting.get(msg.requestId)?.(msg);
        return;
      }
      const got = sync.receive(msg);
      for (const id of got.stored) unconfirmed.delete(id);
      if (got.view) $view.set(got.view);
      if (got.resync) current.postMessage({ type: 'resync' } satisfies UiToBackground);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      // An answer in flight is lost with the port: say so, the visitor can try again.
      for (const answer of [...waiting.values()]) answer(failure(phrase('error.interrupted')));
      if (closed) return;
      $link.set('connecting');
      // The worker stopped under a healthy port: come back at once (that wakes it). A port
      // that dies right away waits a little, so a crashing worker cannot be hammered.
      setTimeout(connect, Date.now() - openedAt >= HEALTHY_PORT_MS ? 0 : RECONNECT_MS);
    });
    port.postMessage(hello);
    for (const msg of unconfirmed.values()) if (!outbox.includes(msg)) port.postMessage(msg);
    // Commands given while reconnecting go out now, in order.
    while (outbox.length > 0 && port) port.postMessage(outbox.shift());
  };

  // Only a live chat needs the worker kept awake; an offer or an ended chat must not wake the page.
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  $view.subscribe((view) => {
    const live = view?.chat !== null && view?.chat !== undefined && view.chat.status !== 'ended';
    if (live && heartbeat === undefined) {
      heartbeat = setInterval(() => port?.postMessage({ type: 'heartbeat' } satisfies UiToBackground), HEARTBEAT_MS);
    } else if (!live && heartbeat !== undefined) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  });
  connect();

  return {
    $view, $link, $notice,
    send: (msg) => {
      $notice.set(null);
      if (msg.type === 'chat.send') unconfirmed.set(msg.clientMessageId, msg);
      if (msg.type === 'file.attach') unconfirmed.set(msg.uploadId, msg);
      try {
        if (!port) throw new Error('not connected');
        port.postMessage(msg);
      } catch {
        outbox.push(msg); // Sent as soon as the port is back.
      }
    },
    downloadFile: async (chatId, fileId) => {
      const answer = await request((requestId) => ({ type: 'file.download', chatId, fileId, requestId }));
      if ('error' in answer) return 'phrase' in answer && answer.phrase ? { error: answer.error, phrase: answer.phrase } : { error: answer.error };
      return answer.type === 'file' ? { name: answer.name, mime: answer.mime, data: answer.data } : { error: 'Beckon answered something else.' };
    },
    fetchReport: async (chatId) => {
      const answer = await request((requestId) => ({ type: 'report.get', chatId, requestId }));
      // The client's own failures carry their phrase: the popup words them in the staff catalog.
      if ('error' in answer) return 'phrase' in answer && answer.phrase ? { error: answer.error, phrase: answer.phrase } : { error: answer.error };
      return answer.type === 'report' ? { report: answer.report } : { error: 'Beckon answered something else.' };
    },
    close: () => {
      closed = true;
      clearInterval(heartbeat);
      port?.disconnect();
    },
  };
}
