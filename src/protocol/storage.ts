/**
 * Every storage item of the extension, declared once. Values are validated on read:
 * a corrupted or foreign value falls back instead of crashing a context.
 * Only the background and extension pages import this file (never content scripts).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { OfferPage } from '../core/chat-session';
import type { CrmEvent } from '../core/crm/sync-queue';
import type { RuleReport } from '../core/rules/engine';
import { newVisitor, type VisitorState } from '../core/rules/visitor';
import { DEFAULT_SETTINGS, type Settings, settingsOrDefault } from '../core/settings';
import type { JourneyEvent } from '../core/report/journey';

/** Settings from the options page (local: survives restarts). */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads settings, repairing anything invalid to the defaults. */
export async function readSettings(): Promise<Settings> {
  return settingsOrDefault(await settingsItem.getValue());
}

/**
 * Chats as version 1 stored them: one map of whole sessions, rewritten on every change. Only
 * read once, to move them to the per-chat records of `chat-records.ts`, then removed.
 */
export const legacySessionsItem = storage.defineItem<Record<string, unknown>>('local:sessions', { fallback: {}, version: 1 });

const CrmEventSchema = z.object({
  id: z.string(),
  chatKey: z.string(),
  kind: z.enum(['start', 'switch', 'end', 'outcome']),
  connector: z.string(),
  payload: z.record(z.string(), z.unknown()),
  state: z.enum(['pending', 'sent', 'failed', 'discarded']),
  attempts: z.number().int(),
  createdAt: z.number(),
  notBefore: z.number(),
  lastError: z.string().optional(),
  interactionId: z.string().optional(),
}) satisfies z.ZodType<CrmEvent>;

/** The CRM sync queue and log: every lifecycle event, delivered or not (local: survives restarts). */
export const crmQueueItem = storage.defineItem<unknown[]>('local:crmQueue', { fallback: [], version: 1 });

/** Reads the CRM queue, dropping (and reporting) any entry that fails validation. */
export async function readCrmQueue(): Promise<CrmEvent[]> {
  const raw = await crmQueueItem.getValue();
  const out: CrmEvent[] = [];
  for (const value of Array.isArray(raw) ? raw : []) {
    const parsed = CrmEventSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
    else console.warn('[beckon] dropped an unreadable CRM event:', parsed.error.issues[0]?.message);
  }
  return out;
}

/** The chat the user's focus is on, for the CRM's switchInteraction (session area). */
export const crmFocusItem = storage.defineItem<string | null>('session:crmFocus', { fallback: null });

/** Per-tab offer state; volatile on purpose (session area: cleared with the browser). */
export interface TabOffer {
  id: string;
  ruleId: string;
  url: string;
  status: 'open' | 'declined' | 'accepted' | 'timed-out';
  /** The rule's offer text; empty for an offer without one (a page's): the card then asks in the visitor's language. */
  topic: string;
  queue: string;
  metadata: Record<string, string>;
  /** `default`: the in-page card; `custom`: badge, popup and a notification; `page`: the page's own UI (page API, bDefaultUI false). */
  ui: 'default' | 'custom' | 'page';
  /** When an unanswered offer is withdrawn (epoch ms), if it ever is. */
  expiresAt?: number;
  /** The page as rules saw it (privacy guard applied): what outcomes and the CRM get. */
  page?: OfferPage;
  /** Fired by the presenter ("Offer now"), not by the rule's conditions: the outcome log says so. */
  presenter?: true;
}

/** When each tab's current page (or single-page-app route) was entered, epoch ms (session area). */
export const tabPagesItem = storage.defineItem<Record<string, number>>('session:tabPages', { fallback: {} });

/** Each tab's journey before a chat (pages, rule decisions, the offer), for the demo report (session area). */
export const journeysItem = storage.defineItem<Record<string, JourneyEvent[]>>('session:journeys', { fallback: {} });

/** The `<html lang>` of each tab's page, as its watcher last said: a profile may speak the page's language. */
export const tabLangsItem = storage.defineItem<Record<string, string>>('session:tabLangs', { fallback: {} });

/** Offer state of each tab, keyed by tab id. */
export const offersItem = storage.defineItem<Record<string, TabOffer>>('session:offers', { fallback: {} });

/** The visitor's capping state, visits and page views: global across tabs and sites. */
export const visitorItem = storage.defineItem<VisitorState>('local:visitor', {
  init: () => newVisitor(Date.now(), new Date().toISOString().slice(0, 10)),
  version: 1,
});

/** One recorded offer outcome. */
export interface OutcomeRecord {
  at: number;
  ruleId: string;
  ruleName: string;
  url: string;
  outcome: 'offered' | 'accepted' | 'declined' | 'timed-out' | 'suppressed';
  reason?: string;
  /** The presenter fired the offer (a shortcut or the rule debugger), skipping thresholds and capping. */
  presenter?: true;
  /** For an accepted offer: the chat it started (its demo report). */
  chatId?: string;
}

/** Every offer outcome, newest last (bounded). */
export const outcomesItem = storage.defineItem<OutcomeRecord[]>('local:outcomes', { fallback: [], version: 1 });

/** What the rule debugger shows for a tab: the last evaluation. */
export interface TabDebug {
  at: number;
  url: string;
  pageName: string;
  signals: Record<string, number | boolean | string>;
  reports: RuleReport[];
  decision: string;
}

/** A tab's in-page UI: the secrets of its hosts, and why the page pushed the UI out, if it did. */
export interface TabFrames {
  secrets: string[];
  evicted?: string;
}

/** Per tab, the in-page UI hosts' secrets (session area: they die with the browser session). */
export const frameSecretsItem = storage.defineItem<Record<string, TabFrames>>('session:frameSecrets', { fallback: {} });

/** The last rule evaluation of each tab (session area). */
export const debugItem = storage.defineItem<Record<string, TabDebug>>('session:debug', { fallback: {} });
