import { serial } from '../core/serial';
import type { ChatSession } from '../core/chat-session';
import { focusMove, lifecycleDue, startOf, switchEvent, withLifecycle, withOutcome } from '../core/crm/lifecycle';
import type { CrmSettings } from '../core/crm/settings';
import { chatCrmStatus, type CrmStatus } from '../core/crm/status';
import { discard, dueEvents, nextWake, prune, retryNow, type CrmEvent } from '../core/crm/sync-queue';
import type { CrmConnector } from '../crm/types';
import { crmFocusItem, crmQueueItem, readCrmQueue, type OutcomeRecord } from '../protocol/storage';
import { deliverCrmEvent, holdWhileOff } from './crm-delivery';

/** Delivered events stay in the sync log this long (longer than an ended chat is kept). */
const KEEP_DELIVERED_MS = 7 * 24 * 3600 * 1000;
/** While a call is out, wake a stopped worker after this long to try again (a call may hang). */
const IN_FLIGHT_WAKE_MS = 60_000;

/** What the sync manager needs from the rest of the background. */
export interface CrmSyncDeps {
  crmSettings: () => Promise<CrmSettings>;
  /** The connector for a kind with the current settings (undefined for `none` or unknown). */
  connector: (kind: string, crm: CrmSettings) => CrmConnector | undefined;
  /** Whether a connector kind can take offer outcomes. */
  recordsOutcomes: (kind: string) => boolean;
  now: () => number;
  random: () => number;
  newId: () => string;
  /** Asks to be woken at `at` (epoch ms) even if this worker stops meanwhile; undefined clears it. */
  wakeAt: (at: number | undefined) => void;
  /** Called after every persisted change (to refresh the popups). */
  onChange: () => void;
}

/**
 * The durable CRM sync queue of the background: lifecycle events derived from the chats,
 * switches from the user's focus, and offer outcomes. Changes run one at a time and are
 * saved before anything is sent (only saved events go out); delivery is in order per chat
 * with backoff. A CRM that is down delays sync; the chats never wait for it, and a stopped
 * worker resumes from what was saved (an alarm wakes it, also while a call was out).
 */
export class CrmSync {
  private queue: CrmEvent[] = [];
  /** The queue as last saved: only these events may be sent. */
  private saved: CrmEvent[] = [];
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly line = serial();
  private stopped = false;
  /** The connector chosen when settings were last read (on load and by each change), for a chat not started yet. */
  private connector = 'none';

  constructor(private readonly deps: CrmSyncDeps) {}

  /** Loads what a previous worker saved (events in flight then are simply sent again: they are idempotent). */
  async load(): Promise<void> {
    this.queue = this.saved = prune(await readCrmQueue(), this.deps.now(), KEEP_DELIVERED_MS);
    this.connector = (await this.deps.crmSettings()).connector;
  }

  /** Where a chat's interaction is, for the popup (a live chat still waiting for its id is pending). */
  statusOf(chatKey: string, session?: ChatSession): CrmStatus {
    const status = chatCrmStatus(this.queue, chatKey);
    const starting = session && !session.chatId && session.status !== 'ended';
    return status.state === 'off' && this.connector !== 'none' && starting ? { connector: this.connector, state: 'pending' } : status;
  }

  /** Queues whatever the chats' states call for (a start, an end). Idempotent: call it on every change. */
  reconcile(sessions: readonly ChatSession[]): Promise<void> {
    // Most changes of a chat (a message, typing) call for nothing: skip them before reading settings.
    if (!sessions.some((s) => lifecycleDue(this.queue, s))) return Promise.resolve();
    return this.serial(async (crm) => {
      const before = this.queue;
      const next = sessions.reduce((q, s) => withLifecycle(q, s, crm, this.deps.now()), before);
      if (next.length === before.length) return;
      await this.commit(next);
      // pega.CS.startInteraction makes the new interaction the desktop's current one.
      const newest = sessions.filter((s) => startOf(next, s.id) && !startOf(before, s.id)).sort((a, b) => b.createdAt - a.createdAt)[0];
      if (newest) await crmFocusItem.setValue(newest.id);
    });
  }

  /** The user's focus landed on a chat (or on a tab without one: undefined). */
  focus(chatKey: string | undefined): Promise<void> {
    return this.serial(async () => {
      const move = focusMove(this.queue, await crmFocusItem.getValue(), chatKey);
      // The switch is saved before the focus: a stop in between repeats it, never loses it.
      if (move.switchTo) await this.commit(switchEvent(this.queue, move.switchTo, this.deps.newId(), this.deps.now()));
      await crmFocusItem.setValue(move.focus);
    });
  }

  /** Queues offer outcomes (idempotent per record: the log can be replayed after a worker stop). */
  outcomes(records: readonly OutcomeRecord[]): Promise<void> {
    return this.serial(async (crm) => {
      const on = this.deps.recordsOutcomes(crm.connector);
      const next = records.reduce((q, r) => withOutcome(q, r, crm, on), this.queue);
      if (next.length !== this.queue.length) await this.commit(next);
    });
  }

  /** The sync log's Retry: sends a held or waiting event now. */
  retry(id: string): Promise<{ ok: boolean; message: string }> {
    return this.onUndelivered(id, () => ({ queue: retryNow(this.queue, id, this.deps.now()), message: 'Sending it again now.' }));
  }

  /** The sync log's Discard: gives up on an undelivered event (a start takes its chat's others along). */
  discard(id: string): Promise<{ ok: boolean; message: string }> {
    return this.onUndelivered(id, (event) => ({
      queue: discard(this.queue, id),
      message: event.kind === 'start' ? 'Discarded, with the rest of that chat’s undelivered events.' : 'Discarded.',
    }));
  }

  /** Applies a user's action to an event that is still on its way, or says why it cannot. */
  private onUndelivered(id: string, act: (e: CrmEvent) => { queue: CrmEvent[]; message: string }): Promise<{ ok: boolean; message: string }> {
    return this.serial(async () => {
      const event = this.queue.find((e) => e.id === id);
      if (!event) return { ok: false, message: 'That event is no longer in the sync log.' };
      if (event.state === 'sent') return { ok: false, message: 'That event was already delivered.' };
      if (event.state === 'discarded') return { ok: false, message: 'That event was already discarded.' };
      const { queue, message } = act(event);
      await this.commit(queue);
      return { ok: true, message };
    });
  }

  /** The CRM became reachable (its tab loaded, sync turned back on): what waited after a failure goes now. */
  nudge(connector?: string): Promise<void> {
    return this.serial(async () => {
      const waiting = this.queue.filter((e) => (!connector || e.connector === connector) && e.state === 'pending' && e.lastError !== undefined);
      if (waiting.length > 0) await this.commit(waiting.reduce((q, e) => retryNow(q, e.id, this.deps.now()), this.queue));
    });
  }

  /** Delivers every saved event that is due now, and arranges to be woken for the next one. */
  pump(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const now = this.deps.now();
    for (const due of dueEvents(this.saved, now)) {
      const event = this.queue.find((e) => e.id === due.id);
      if (!event || event.state !== 'pending' || this.inFlight.has(event.id)) continue;
      this.inFlight.add(event.id);
      void this.deliver(event).finally(() => {
        this.inFlight.delete(event.id);
        this.pump();
      });
    }
    const wake = nextWake(this.saved.filter((e) => !this.inFlight.has(e.id)));
    const backstop = this.inFlight.size > 0 ? now + IN_FLIGHT_WAKE_MS : undefined;
    const alarm = [wake, backstop].filter((t): t is number => t !== undefined);
    this.deps.wakeAt(alarm.length ? Math.min(...alarm) : undefined);
    if (wake !== undefined) this.timer = setTimeout(() => this.pump(), Math.max(0, wake - now));
  }

  /** Sends nothing more (a worker about to go away, or a test); what is queued stays saved. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async deliver(event: CrmEvent): Promise<void> {
    const crm = await this.deps.crmSettings();
    // Sync turned off: nothing leaves, everything is kept for when it is on again.
    const apply = crm.connector === 'none'
      ? holdWhileOff(event, this.deps.now)
      : await deliverCrmEvent(event, this.deps.connector(event.connector, crm), this.queue, this.deps.now, this.deps.random);
    // Applied to the queue as it is then: other events may have changed meanwhile.
    await this.serial(() => this.commit(apply(this.queue)));
  }

  /** Replaces the queue and saves it; sending follows the save (a failed save sends nothing new). */
  private async commit(next: CrmEvent[]): Promise<void> {
    this.queue = next;
    try {
      await crmQueueItem.setValue(next);
      this.saved = next;
    } catch (e) {
      console.error('[beckon] could not save the CRM queue; nothing new is sent until it saves', e);
    }
    this.deps.onChange();
    this.pump();
  }

  /** Runs changes one at a time, each with the CRM settings as they are then. */
  private serial<T>(fn: (crm: CrmSettings) => Promise<T>): Promise<T> {
    return this.line.run(async () => {
      const crm = await this.deps.crmSettings();
      this.connector = crm.connector;
      return fn(crm);
    });
  }
}
