import type { ChatBackend } from '../backends/types';
import { PAGE_OFFER_RULE } from '../core/page-api';
import { pageOfferBlock } from '../core/page-offer';
import { guardUserData, scrubUrl } from '../core/privacy';
import { siteFor, type Settings } from '../core/settings';
import type { TabOffer } from '../protocol/storage';
import { hostOf } from './offer-context';
import type { OfferBroker } from './offer-broker';
import { PAGE_OFFER_NAME } from './offer-broker';
import type { SessionStore } from './session-store';
import { localDay, type VisitorStore } from './visitor-store';

/** What a page offer needs. */
export interface PageOfferDeps {
  broker: OfferBroker;
  store: SessionStore;
  visitors: VisitorStore;
  settings: () => Promise<Settings>;
  backend: () => Promise<ChatBackend>;
  now: () => number;
  newId: () => string;
  /** Tells the page an offer was suppressed (and why). */
  suppressed: (tabId: number, queue: string, reason: string) => void;
}

/**
 * `pega.chat.proactiveChat.offer(queue, metadata, bDefaultUI)` from a page: the same gates as
 * a rule's offer (capping, business hours, agents ready on the queue), the metadata through
 * the privacy guard as the chat's user data, open for the site's wait time. With bDefaultUI
 * false nothing of Beckon's shows: the page answers with accept() or decline().
 */
export async function offerFromPage(
  deps: PageOfferDeps, tabId: number, url: string, args: { queue: string; metadata: Record<string, string>; defaultUi: boolean },
): Promise<void> {
  await deps.broker.exclusive(async () => {
    const settings = await deps.settings();
    const site = siteFor(settings, url);
    if (!site?.options.pageApi) return; // the hub checked; the site may have been switched off since
    const current = await deps.broker.offerFor(tabId);
    const busy =
      current?.status === 'open' ? 'an offer is already open on this page'
      : deps.store.active().some((s) => s.tabId === tabId) ? 'a chat is already running in this tab'
      : null;
    const visitor = await deps.visitors.read();
    const now = deps.now();
    const reason = busy ?? pageOfferBlock({
      capping: { settings: settings.capping, state: visitor.capping },
      hours: settings.businessHours,
      readyAgents: await (await deps.backend()).queueAvailability(args.queue),
      unknownAllows: true,
      now,
      today: localDay(now),
    });
    const pageUrl = settings.privacyGuard ? scrubUrl(url) : url;
    if (reason) {
      await deps.visitors.record({ ruleId: PAGE_OFFER_RULE, ruleName: PAGE_OFFER_NAME, url: pageUrl, outcome: 'suppressed', reason });
      deps.suppressed(tabId, args.queue, reason);
      return;
    }
    const metadata = guardUserData(settings.privacyGuard, args.metadata);
    const wait = site.options.offerWaitSeconds;
    // The seed's offer has no text of its own (topic ''): the card asks in the visitor's language.
    const offer: TabOffer = {
      id: deps.newId(), ruleId: PAGE_OFFER_RULE, url, status: 'open', topic: '', queue: args.queue, metadata,
      ui: args.defaultUi ? 'default' : 'page',
      page: { pageName: metadata['Page Name'] ?? hostOf(url), url: pageUrl, timeOnPage: metadata['Time spent on page'] ?? '' },
      ...(wait > 0 ? { expiresAt: now + wait * 1000 } : {}),
    };
    await deps.broker.openWithin(tabId, offer, PAGE_OFFER_NAME);
  });
}

/** `accept()` / `decline()` from the page: answers the tab's open page offer, if it has one. */
export async function answerFromPage(deps: Pick<PageOfferDeps, 'broker'>, tabId: number, accept: boolean): Promise<boolean> {
  const offer = await deps.broker.offerFor(tabId);
  if (offer?.status !== 'open' || offer.ruleId !== PAGE_OFFER_RULE) return false;
  await (accept ? deps.broker.accept(tabId, offer.id) : deps.broker.decline(tabId, offer.id));
  return true;
}
