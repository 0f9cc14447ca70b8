import type { ChatSession } from '../core/chat-session';
import { focusMove, startOf, switchEvent, withLifecycle } from '../core/crm/lifecycle';
import type { CrmSettings } from '../core/crm/settings';
import { chatCrmStatus, type CrmStatus } from '../core/crm/status';
import { dueEvents, enqueue, nextWake, prune, retryNow, type CrmEvent } from '../core/crm/sync-queue';
import type { CrmConnector } from '../crm/types';
import { crmFocusItem, crmQueueItem, readCrmQueue, type OutcomeRecord } from '../protocol/storage';
import { deliverCrmEvent } from './crm-delivery';

/** Delivered events stay in the sync log this long (longer than an ended chat is kept). */
const KEEP_DELIVERED_MS = 7 * 24 * 3600 * 1000;

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
 * switches from the user's focus, and offer outcomes, persisted before anything is sent and
 * delivered in order per chat with backoff. A CRM that is down delays sync; the chats never
 * wait for it, and a stopped worker resumes from what was saved.
 */
export class CrmSync {
  private queue: CrmEvent[] = [];
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: CrmSyncDeps) {}

  /** Loads what a previous worker saved (events in flight then are simply sent again: they are idempotent). */
  async load(): Promise<void> {
    this.queue = prune(await readCrmQueue(), this.deps.now(), KEEP_DELIVERED_MS);
  }

  /** Where a chat's interaction is, for the popup. */
  statusOf(chatKey: string): CrmStatus {
    return chatCrmStatus(this.queue, chatKey);
  }

  /** Queues whatever the chats' states call for (a start, an end). Idempotent: call it on every change. */
  async reconcile(sessions: readonly ChatSession[]): Promise<void> {
    const crm = await this.deps.crmSettings();
    let next = this.queue;
    for (const s of sessions) next = withLifecycle(next, s, crm, this.deps.now());
    const started = sessions.filter((s) => startOf(next, s.id) && !startOf(this.queue, s.id));
    if (next.length === this.queue.length) return;
    await this.commit(next);
    // pega.CS.startInteraction makes the new interaction the desktop's current one.
    const newest = started.sort((a, b) => b.createdAt - a.createdAt)[0];
    if (newest) await crmFocusItem.setValue(newest.id);
  }

  /** The user's focus landed on a chat (or on a tab without one: undefined). */
  async focus(chatKey: string | undefined): Promise<void> {
    const current = await crmFocusItem.getValue();
    const move = focusMove(this.queue, current, chatKey);
    await crmFocusItem.setValue(move.focus);
    if (move.switchTo) await this.commit(switchEvent(this.queue, move.switchTo, this.deps.newId(), this.deps.now()));
  }

  /** Queues an offer outcome, when the option is on and the connector takes them. */
  async outcome(record: OutcomeRecord): Promise<void> {
    const crm = await this.deps.crmSettings();
    if (crm.connector === 'none' || !crm.recordOutcomes || !this.deps.recordsOutcomes(crm.connector)) return;
    const id = `outcome:${this.deps.newId()}`;
    await this.commit(enqueue(this.queue, { id, chatKey: id, kind: 'outcome', connector: crm.connector, createdAt: record.at, payload: { ...record } }));
  }

  /** The sync log's Retry: sends a held or waiting event now. */
  async retry(id: string): Promise<{ ok: boolean; message: string }> {
    const event = this.queue.find((e) => e.id === id);
    if (!event) return { ok: false, message: 'That event is no longer in the sync log.' };
    if (event.state === 'sent') return { ok: false, message: 'That event was already delivered.' };
    await this.commit(retryNow(this.queue, id, this.deps.now()));
    return { ok: true, message: 'Sending it again now.' };
  }

  /** The CRM just became reachable (its tab loaded): what waits for it after a failure goes now. */
  async nudge(connector: string): Promise<void> {
    const waiting = this.queue.filter((e) => e.connector === connector && e.state === 'pending' && e.lastError !== undefined);
    if (waiting.length === 0) return;
    await this.commit(waiting.reduce((q, e) => retryNow(q, e.id, this.deps.now()), this.queue));
  }

  /** Delivers every event that is due now, and arranges to be woken for the next one. */
  pump(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    for (const event of dueEvents(this.queue, this.deps.now())) {
      if (this.inFlight.has(event.id)) continue;
      this.inFlight.add(event.id);
      void this.deliver(event).finally(() => {
        this.inFlight.delete(event.id);
        this.pump();
      });
    }
    const wake = nextWake(this.queue.filter((e) => !this.inFlight.has(e.id)));
    this.deps.wakeAt(this.inFlight.size > 0 ? undefined : wake);
    if (wake !== undefined) this.timer = setTimeout(() => this.pump(), Math.max(0, wake - this.deps.now()));
  }

  /** Sends nothing more (a worker about to go away, or a test); what is queued stays saved. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async deliver(event: CrmEvent): Promise<void> {
    const crm = await this.deps.crmSettings();
    const connector = this.deps.connector(event.connector, crm);
    // Applied to the queue as it is then: other events may have changed meanwhile.
    const apply = await deliverCrmEvent(event, connector, this.queue, this.deps.now, this.deps.random);
    await this.commit(apply(this.queue));
  }

  /** Replaces the queue, persists it (writes chained in order), then tells the UIs and pumps. */
  private async commit(next: CrmEvent[]): Promise<void> {
    this.queue = next;
    const snapshot = next;
    this.writing = this.writing.then(() => crmQueueItem.setValue(snapshot)).catch((e) => console.error('[beckon] could not save the CRM queue', e));
    await this.writing;
    this.deps.onChange();
    this.pump();
  }
}
