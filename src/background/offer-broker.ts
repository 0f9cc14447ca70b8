import type { ChatBackend } from '../backends/types';
import { chatShownIn, newSession, type OfferPage } from '../core/chat-session';
import { matchesPattern as matchesSitePattern } from '../core/match-pattern';
import { elementsToWatch } from '../core/rules/element-watch';
import { decide, type EngineDecision } from '../core/rules/engine';
import { fillMetadata, offerPage } from '../core/rules/metadata';
import type { Rule } from '../core/rules/rule-schema';
import { PAGE_OFFER_RULE } from '../core/page-api';
import { presenterRule } from '../core/presenter';
import { serial } from '../core/serial';
import type { Settings } from '../core/settings';
import { offersItem, type TabOffer } from '../protocol/storage';
import type { WatcherReply, WatcherReport } from '../protocol/watcher';
import { AvailabilityCache } from './availability-cache';
import type { ChatRunner } from './chat-runner';
import { saveDebug, SuppressionLog } from './offer-debug';
import { hostOf, ruleContext } from './offer-context';
import { injectPageUi, presentOffer, withdrawOffer } from './offer-presenter';
import type { SessionStore } from './session-store';
import type { TabPages } from './tab-pages';
import type { JourneyStore } from './journeys';
import { decisionText } from '../core/report/journey';
import { sendToWatcher } from './sites';
import { localDay, type VisitorStore } from './visitor-store';

/** The journey's words for an offer's outcome. */
const OUTCOME_TEXT = { accepted: 'The visitor accepted the offer', declined: 'The visitor declined the offer', 'timed-out': 'The offer timed out unanswered' } as const;

/** The name an offer is logged under when no rule made it (the page API's). */
const offerName = (offer: TabOffer) => (offer.ruleId === PAGE_OFFER_RULE ? PAGE_OFFER_NAME : offer.ruleId);
/** How the outcome log names offers a page made through `pega.chat.proactiveChat.offer`. */
export const PAGE_OFFER_NAME = 'Page API offer';

/** What the broker needs from the rest of the background. */
export interface OfferBrokerDeps {
  store: SessionStore;
  runner: ChatRunner;
  visitors: VisitorStore;
  backend: () => Promise<ChatBackend>;
  /** The current settings (from memory). */
  settings: () => Promise<Settings>;
  publish: (tabId: number) => void;
  now: () => number;
  newId: () => string;
  /** Each tab's current page (when entered, its language), noted on every navigation. */
  tabPages: Pick<TabPages, 'entered' | 'forget'>;
  /** Keeps each tab's journey for the demo report (pages, decisions, the offer, its outcome). */
  journeys?: Pick<JourneyStore, 'record' | 'of'>;
  /** Hears what became of every offer (the page API tells the page about its own). */
  onOutcome?: (tabId: number, offer: TabOffer, outcome: 'offered' | 'accepted' | 'declined' | 'timed-out') => void;
}

/**
 * Decides when to offer a chat (`pega.chat.proactiveChat.offer`) by running the rules
 * engine over each watcher report, and carries out the visitor's `accept()` and `decline()`.
 * Offer state is per tab, in memory once read and stored before it is acted on; capping state
 * is global (VisitorStore).
 */
export class OfferBroker {
  // Offer state is read-modify-written; one operation at a time keeps tabs from clobbering each other.
  private readonly line = serial();
  private offers: Record<string, TabOffer> | undefined;
  /** Tabs whose next report fires the presenter's offer ("Offer now"). */
  private readonly presenterTabs = new Set<number>();
  private readonly availability = new AvailabilityCache();
  private readonly suppressions = new SuppressionLog();

  constructor(private readonly deps: OfferBrokerDeps) {}

  /** Handles a watcher report from a tab and says when the watcher should report again. */
  onPageContext(tabId: number, report: WatcherReport): Promise<WatcherReply> {
    return this.line.run(() => this.evaluate(tabId, report));
  }

  private async evaluate(tabId: number, report: WatcherReport): Promise<WatcherReply> {
    const { store, visitors, now } = this.deps;
    const settings = await this.deps.settings();
    // Element selectors go only with the rule decision below: a page with an offer or a chat watches none.
    const reply = (wakeInMs: number | null, watch?: WatcherReply['watch']): WatcherReply => ({ wakeInMs, selector: settings.pageName.selector, ...(watch ? { watch } : {}) });
    // A watcher left over on a site that was just disabled gets nothing more from us.
    if (!settings.enabledSites.some((p) => matchesSitePattern(p, report.url))) return { wakeInMs: null };
    // The Pega desktop is where the agent works, not a visitor's page: never offer there.
    const { connector, pega } = settings.crm;
    if (connector === 'pega' && pega.portal && matchesSitePattern(pega.portal, report.url)) return { wakeInMs: null };
    if (report.navigated) await this.deps.tabPages.entered(tabId, report.lang, now());
    const visitor = report.navigated ? await visitors.pageView(hostOf(report.url), settings.capping) : await visitors.read();
    const ctx = ruleContext(report, settings, visitor);
    if (report.navigated) await this.deps.journeys?.record(tabId, { at: now(), kind: 'page', text: `Viewed “${ctx.pageName}” (${ctx.url})` });
    let current = await this.offerFor(tabId);
    if (current && current.url !== report.url) {
      await this.saveOffer(tabId, undefined); // the offer belonged to the page the visitor left
      current = undefined;
    }
    if (current?.status === 'open' && current.expiresAt !== undefined && now() >= current.expiresAt) {
      await this.finish(tabId, current, 'timed-out');
      current = await this.offerFor(tabId);
    }
    const live = store.all().filter((s) => s.status !== 'ended' && chatShownIn(s, tabId, hostOf(report.url)));
    if (live.length > 0) {
      // After a reload or navigation the chat window comes back (a page API chat is the page's to show).
      if (live.some((s) => s.origin !== 'page-chat')) await injectPageUi(tabId);
      if (report.navigated) await this.tellAgentWhereTheVisitorIs(live, ctx);
      return reply(null);
    }
    if (this.presenterTabs.delete(tabId)) {
      // "Offer now": the best rule for the page, whatever its thresholds and capping say.
      const pick = presenterRule(settings.rules, ctx.url);
      if ('none' in pick) {
        await saveDebug(tabId, ctx, [], { kind: 'none' }, `presenter: ${pick.none}`, now());
        this.deps.publish(tabId);
        return reply(null);
      }
      if (current?.status === 'open') await this.saveOffer(tabId, undefined); // the new one takes its place
      return reply(await this.offer(tabId, pick.rule, fillMetadata(pick.rule.metadata, ctx), report.url, offerPage(ctx), true));
    }
    if (current?.status === 'open') {
      if (current.ui === 'default') await injectPageUi(tabId);
      return reply(current.expiresAt === undefined ? null : Math.max(0, current.expiresAt - now()));
    }

    const backend = await this.deps.backend();
    const availability = await this.availability.lookup(settings.rules, ctx, backend, now());
    const input = { rules: settings.rules, ctx, capping: { settings: settings.capping, state: visitor.capping }, hours: settings.businessHours, availability, now: now(), today: localDay(now()) };
    const { decision, reports } = decide(input);
    await this.deps.journeys?.record(tabId, { at: now(), kind: 'decision', text: decisionText(reports) });
    // One offer per page: after a decline, a time-out or a chat, this page is done.
    const final: EngineDecision = current ? { kind: 'none' } : decision;
    await saveDebug(tabId, ctx, reports, final, current ? `already ${current.status} on this page` : undefined, now());
    // A page that already had its offer would not get another anyway: nothing was suppressed.
    if (!current) await this.suppressions.record(tabId, ctx.url, settings.rules, reports, visitors);
    this.deps.publish(tabId);
    // Once this page had its offer, nothing more is watched on it.
    const watch = current ? undefined : elementsToWatch({ ...input, url: ctx.url });
    if (final.kind === 'wait') return reply(final.wakeInMs, watch);
    if (final.kind === 'none') return reply(null, watch);
    return reply(await this.offer(tabId, final.rule, fillMetadata(final.rule.metadata, ctx), report.url, offerPage(ctx)));
  }

  private async offer(tabId: number, rule: Rule, metadata: Record<string, string>, url: string, page: OfferPage, presenter = false): Promise<number | null> {
    const offer: TabOffer = {
      id: this.deps.newId(), ruleId: rule.id, url, status: 'open', topic: rule.offerText, queue: rule.queue, metadata, ui: rule.ui, page,
      ...(rule.autoDismissSeconds > 0 ? { expiresAt: this.deps.now() + rule.autoDismissSeconds * 1000 } : {}),
      ...(presenter ? { presenter: true as const } : {}),
    };
    return this.openWithin(tabId, offer, rule.name);
  }

  /**
   * Runs `task` with the broker's offer state to itself (no rule evaluation or answer in
   * between). Only inside it may {@link openWithin} be called.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.line.run(task);
  }

  /**
   * Makes an offer (counted for capping, stored, logged, shown as its `ui` says, withdrawn at
   * `expiresAt`); returns the milliseconds until it expires, if it does. Call inside `exclusive`.
   */
  async openWithin(tabId: number, offer: TabOffer, ruleName: string): Promise<number | null> {
    const { visitors, now } = this.deps;
    await visitors.offered(offer.ruleId);
    await this.saveOffer(tabId, offer);
    await visitors.record({ ruleId: offer.ruleId, ruleName, url: offer.page?.url ?? offer.url, outcome: 'offered', ...(offer.presenter ? { presenter: true } : {}) });
    await presentOffer(tabId, offer);
    await this.deps.journeys?.record(tabId, { at: now(), kind: 'offer', text: `Offered ${offer.topic ? `“${offer.topic}” ` : 'a chat '}on ${offer.queue} (${ruleName}${offer.presenter ? ', presenter-fired' : ''})` });
    this.deps.onOutcome?.(tabId, offer, 'offered');
    if (offer.expiresAt === undefined) return null;
    const ms = Math.max(0, offer.expiresAt - now());
    setTimeout(() => void this.expire(tabId, offer.id), ms);
    return ms; // the watcher's next report also expires it, should this worker stop
  }

  /**
   * The agent sees where the visitor is now: the chat's user data gets the current page
   * (seed 002's setUserData), sent by the chat's own loop in order with everything else.
   */
  private async tellAgentWhereTheVisitorIs(chats: readonly { id: string }[], ctx: { pageName: string; url: string }): Promise<void> {
    for (const chat of chats) {
      await this.deps.store.update(chat.id, (s) => ({ ...s, pendingUserData: { 'Current page': ctx.pageName, 'Current URL': ctx.url } }));
      this.deps.runner.ensure(chat.id);
    }
  }

  /** The visitor accepted: start a chat on the offer's queue with the page context as user data. */
  accept(tabId: number, offerId: string): Promise<void> {
    return this.line.run(async () => {
      const offer = await this.openOffer(tabId, offerId);
      if (!offer) return;
      const settings = await this.deps.settings();
      const session = {
        ...newSession(this.deps.newId(), tabId, offer.queue, {
          nickname: settings.backend.nickname, subject: offer.topic, userData: offer.metadata,
        }, this.deps.now(), hostOf(offer.url)),
        ...(offer.page ? { page: offer.page } : {}),
      };
      await this.finish(tabId, offer, 'accepted', session.id);
      // The chat keeps the journey that led to it, for its demo report.
      const journey = (await this.deps.journeys?.of(tabId)) ?? [];
      await this.deps.store.add(journey.length > 0 ? { ...session, journey } : session);
      this.deps.runner.ensure(session.id);
      // The page's own offer UI (page API) has no chat window: Beckon's opens.
      if (offer.ui === 'page') await injectPageUi(tabId);
    });
  }

  /** The visitor declined: dismiss the offer and start the decline cooldown. */
  decline(tabId: number, offerId: string): Promise<void> {
    return this.line.run(async () => {
      const offer = await this.openOffer(tabId, offerId);
      if (offer) await this.finish(tabId, offer, 'declined');
    });
  }

  /** Withdraws an unanswered offer after its rule's timeout. */
  expire(tabId: number, offerId: string): Promise<void> {
    return this.line.run(async () => {
      const offer = await this.openOffer(tabId, offerId);
      if (offer && offer.expiresAt !== undefined && this.deps.now() >= offer.expiresAt - 50) await this.finish(tabId, offer, 'timed-out');
    });
  }

  private async finish(tabId: number, offer: TabOffer, outcome: 'accepted' | 'declined' | 'timed-out', chatId?: string): Promise<void> {
    const { visitors } = this.deps;
    if (outcome === 'accepted') await visitors.chatted();
    else await visitors.declined(); // a time-out ends the offer like a decline: no new one right away
    await this.saveOffer(tabId, { ...offer, status: outcome });
    const rule = (await this.deps.settings()).rules.find((r) => r.id === offer.ruleId);
    // The cleaned URL the rules saw: the raw one (offer.url) may hold what the privacy guard removes.
    await visitors.record({ ruleId: offer.ruleId, ruleName: rule?.name ?? offerName(offer), url: offer.page?.url ?? offer.metadata.URL ?? '', outcome, ...(offer.presenter ? { presenter: true } : {}), ...(chatId ? { chatId } : {}) });
    await withdrawOffer(tabId);
    await this.deps.journeys?.record(tabId, { at: this.deps.now(), kind: 'outcome', text: OUTCOME_TEXT[outcome] });
    this.deps.onOutcome?.(tabId, offer, outcome);
  }

  /**
   * "Offer now" on a tab: its watcher is asked to report at once, and that report fires the best
   * rule for the page. Returns a message when the tab cannot get one.
   */
  async offerNow(tabId: number): Promise<string | void> {
    if (this.deps.store.active().some((s) => s.tabId === tabId)) return 'A chat is already running in this tab.';
    this.presenterTabs.add(tabId);
    const missing = await sendToWatcher(tabId, { type: 'watcher.debug' });
    if (missing) this.presenterTabs.delete(tabId);
    return missing;
  }

  /** The offer of a tab, if any. */
  async offerFor(tabId: number): Promise<TabOffer | undefined> {
    return (await this.allOffers())[tabId];
  }

  private async allOffers(): Promise<Record<string, TabOffer>> {
    return (this.offers ??= (await offersItem.getValue()) ?? {});
  }

  private async openOffer(tabId: number, offerId: string): Promise<TabOffer | undefined> {
    const offer = await this.offerFor(tabId);
    return offer && offer.id === offerId && offer.status === 'open' ? offer : undefined;
  }

  /** Forgets a closed tab. */
  forgetTab(tabId: number): Promise<void> {
    return this.line.run(async () => {
      await this.saveOffer(tabId, undefined);
      await this.deps.tabPages.forget(tabId);
    });
  }

  private async saveOffer(tabId: number, offer: TabOffer | undefined): Promise<void> {
    const offers = { ...(await this.allOffers()) };
    if (offer) offers[tabId] = offer;
    else delete offers[tabId];
    this.offers = offers;
    await offersItem.setValue(offers); // stored before the offer is shown or acted on
    this.deps.publish(tabId);
  }
}
