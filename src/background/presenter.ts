import { browser } from 'wxt/browser';
import { chatForTab } from './tab-views';
import { MAX_COUNTDOWN_SECONDS, type PresenterCommand } from '../core/presenter';
import type { ChatRunner } from './chat-runner';
import type { OfferBroker } from './offer-broker';
import type { SessionStore } from './session-store';
import type { VisitorStore } from './visitor-store';

/** What the presenter controls act on. */
export interface PresenterDeps {
  broker: Pick<OfferBroker, 'offerNow' | 'forgetTab'>;
  visitors: Pick<VisitorStore, 'reset'>;
  store: SessionStore;
  runner: Pick<ChatRunner, 'ensure'>;
  now: () => number;
  /** The site (host) a tab is on now. */
  siteOf: (tabId: number) => Promise<string | undefined>;
  /** A tab's views changed (the popup's countdown). */
  publish: (tabId: number) => void;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

/**
 * The presenter's controls (issue 13): the keyboard commands (offer now, reset the visitor, end
 * the chat on this tab) and the rule debugger's "Offer in N seconds" countdown, kept in the
 * background so closing the popup does not cancel it. Each returns a message when it cannot act.
 */
export class Presenter {
  private readonly countdowns = new Map<number, { at: number; timer: unknown }>();

  constructor(private readonly deps: PresenterDeps) {}

  /** Runs a keyboard command on `tabId`. */
  async command(name: PresenterCommand, tabId: number): Promise<string | void> {
    const { broker, visitors, store, runner } = this.deps;
    switch (name) {
      case 'offer-now':
        this.cancel(tabId);
        return broker.offerNow(tabId);
      case 'reset-visitor':
        this.cancel(tabId);
        await visitors.reset();
        await broker.forgetTab(tabId);
        return;
      case 'end-chat': {
        const chat = chatForTab(store.all(), tabId, await this.deps.siteOf(tabId));
        if (!chat || chat.status === 'ended') return 'No chat is running on this tab.';
        await store.update(chat.id, (s) => ({ ...s, endRequested: true }));
        runner.ensure(chat.id);
        return;
      }
    }
  }

  /** "Offer in N seconds": a countdown that fires "Offer now" (a new one replaces the old). */
  offerIn(tabId: number, seconds: number): string | void {
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_COUNTDOWN_SECONDS) return `Choose 1 to ${MAX_COUNTDOWN_SECONDS} seconds.`;
    this.cancel(tabId);
    const timer = this.deps.setTimer(() => {
      this.countdowns.delete(tabId);
      this.deps.publish(tabId);
      void this.deps.broker.offerNow(tabId);
    }, seconds * 1000);
    this.countdowns.set(tabId, { at: this.deps.now() + seconds * 1000, timer });
    this.deps.publish(tabId);
  }

  /** Cancels a tab's countdown, if it has one. */
  cancel(tabId: number): void {
    const countdown = this.countdowns.get(tabId);
    if (!countdown) return;
    this.deps.clearTimer(countdown.timer);
    this.countdowns.delete(tabId);
    this.deps.publish(tabId);
  }

  /** When the tab's countdown fires (epoch ms), if one runs. */
  countdownOf(tabId: number): number | undefined {
    return this.countdowns.get(tabId)?.at;
  }
}

/** Tells the presenter why a shortcut did nothing (there is no other UI at that moment). */
export async function notifyPresenter(message: string): Promise<void> {
  await browser.notifications
    .create('beckon-presenter', { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'Beckon', message })
    .catch((e: unknown) => console.warn('[beckon] notification not shown', e));
}
