import { browser } from 'wxt/browser';
import { newSession } from '../core/chat-session';
import { chatUserData, type PageContext } from '../core/page-context';
import { evaluateRule } from '../core/rules';
import type { WatcherReply } from '../protocol/watcher';
import { offersItem, readSettings, type TabOffer } from '../protocol/storage';
import type { ChatRunner } from './chat-runner';
import type { SessionStore } from './session-store';

/** Path of the lazily injected offer and chat UI bundle (built from entrypoints/page-ui.ts). */
export const PAGE_UI_FILE = '/page-ui.js';

/** What the broker needs from the rest of the background. */
export interface OfferBrokerDeps {
  store: SessionStore;
  runner: ChatRunner;
  publish: (tabId: number) => void;
  now: () => number;
  newId: () => string;
}

/**
 * Decides when to offer a chat (`pega.chat.proactiveChat.offer`), and carries out the
 * visitor's `accept()` and `decline()`. Offer state is kept per tab in session storage.
 */
export class OfferBroker {
  // Offer state is read-modify-written; one operation at a time keeps tabs from clobbering each other.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OfferBrokerDeps) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Handles a watcher report from a tab and says when the watcher should report again. */
  onPageContext(tabId: number, ctx: PageContext): Promise<WatcherReply> {
    return this.serial(() => this.decide(tabId, ctx));
  }

  private async decide(tabId: number, ctx: PageContext): Promise<WatcherReply> {
    const { store } = this.deps;
    const offers = await offersItem.getValue();
    let current = offers[tabId];
    if (current && current.url !== ctx.url && current.status !== 'open') {
      // A new page: a decline or an accepted offer applied to the page it was made on.
      current = undefined;
      await this.saveOffer(tabId, undefined);
    }
    const liveChat = store.all().some((s) => s.tabId === tabId && s.status !== 'ended');
    if (liveChat || current?.status === 'open') {
      // After a reload the chat window (or the open offer) comes back.
      await this.injectUi(tabId);
      return { wakeInMs: null };
    }
    if (current) return { wakeInMs: null };
    const settings = await readSettings();
    const decision = evaluateRule(settings.rule, ctx);
    if (decision.kind === 'no-match') return { wakeInMs: null };
    if (decision.kind === 'wait') return { wakeInMs: decision.remainingMs };
    const offer: TabOffer = {
      id: this.deps.newId(), url: ctx.url, status: 'open', topic: settings.rule.topic,
      queue: settings.rule.queue, metadata: chatUserData(ctx),
    };
    await this.saveOffer(tabId, offer);
    await this.injectUi(tabId);
    return { wakeInMs: null };
  }

  /** The visitor accepted: start a chat on the offer's queue with the page context as user data. */
  accept(tabId: number, offerId: string): Promise<void> {
    return this.serial(() => this.startChat(tabId, offerId));
  }

  private async startChat(tabId: number, offerId: string): Promise<void> {
    const offer = (await offersItem.getValue())[tabId];
    if (!offer || offer.id !== offerId || offer.status !== 'open') return;
    const settings = await readSettings();
    const session = newSession(this.deps.newId(), tabId, offer.queue, {
      nickname: settings.backend.nickname, subject: offer.topic, userData: offer.metadata,
    }, this.deps.now());
    await this.saveOffer(tabId, { ...offer, status: 'accepted' });
    await this.deps.store.add(session);
    this.deps.runner.ensure(session.id);
  }

  /** The visitor declined: dismiss the offer; it is not made again on this page. */
  decline(tabId: number, offerId: string): Promise<void> {
    return this.serial(async () => {
      const offer = (await offersItem.getValue())[tabId];
      if (!offer || offer.id !== offerId || offer.status !== 'open') return;
      await this.saveOffer(tabId, { ...offer, status: 'declined' });
    });
  }

  /** The offer of a tab, if any. */
  async offerFor(tabId: number): Promise<TabOffer | undefined> {
    return (await offersItem.getValue())[tabId];
  }

  /** Forgets a closed tab. */
  forgetTab(tabId: number): Promise<void> {
    return this.serial(() => this.saveOffer(tabId, undefined));
  }

  private async saveOffer(tabId: number, offer: TabOffer | undefined): Promise<void> {
    const offers = { ...(await offersItem.getValue()) };
    if (offer) offers[tabId] = offer;
    else delete offers[tabId];
    await offersItem.setValue(offers);
    this.deps.publish(tabId);
  }

  private async injectUi(tabId: number): Promise<void> {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_UI_FILE] });
    } catch (e) {
      // The tab may have navigated away or closed; the next watcher report retries.
      console.warn(`[beckon] could not show the chat UI in tab ${tabId}:`, e);
    }
  }
}
