/**
 * Runtime validation of everything that crosses into the background. Content scripts run
 * inside pages nobody here controls, so what they send is parsed, never trusted.
 */
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../core/chat-files';
import { MAX_COUNTDOWN_SECONDS } from '../core/presenter';
import { CrmSettingsSchema, type CrmSettings } from '../core/crm/settings';
import { SELECTOR_MAX } from '../core/css-selector';
import { WATCH_MAX } from '../core/rules/element-watch';
import type { PageApiRequest } from './page-api';
import type { HostToBackground } from './page-frame';
import type { UiToBackground } from './ports';
import type { ReportData } from '../core/report/report-data';
import type { PickReply, WatcherReport } from './watcher';

const text = (max: number) => z.string().max(max);

const ms = z.number().finite().min(0).max(365 * 24 * 3600 * 1000);
/** Selectors of element conditions the watcher reports on: only ever those the background named, so few and short. */
const selectors = (max: number) => z.array(z.string().min(1).max(SELECTOR_MAX)).max(max, `at most ${max} selectors`).optional();

/** The watcher's report of page context (see protocol/watcher.ts). */
export const WatcherReportSchema = z.object({
  type: z.literal('watcher.context'),
  url: z.string().max(4096).regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  title: text(1000),
  ogTitle: text(1000),
  lang: text(35),
  selectorText: text(1000),
  selector: text(500),
  referrer: text(4096),
  activeMs: ms,
  visibleMs: ms,
  wallMs: ms,
  idleMs: ms,
  scrollDepth: z.number().min(0).max(100),
  exitIntent: z.boolean(),
  navigated: z.boolean(),
  visibleSelectors: selectors(WATCH_MAX),
  clickedSelectors: selectors(WATCH_MAX),
  invalidSelectors: selectors(2 * WATCH_MAX),
}) satisfies z.ZodType<WatcherReport>;

/** What the picker leaves for the background (it runs in a page nobody here controls). */
export const PickReplySchema = z.union([
  z.object({ selector: z.string().min(1).max(SELECTOR_MAX) }),
  z.object({ error: z.enum(['no-target', 'no-selector']) }),
]) satisfies z.ZodType<PickReply>;

/** Messages a UI sends over its port. */
export const UiToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), tabId: z.number().int().min(0).optional(), frame: z.string().regex(/^[0-9a-f]{32}$/).optional() }),
  z.object({ type: z.literal('offer.accept'), offerId: text(100) }),
  z.object({ type: z.literal('offer.decline'), offerId: text(100) }),
  z.object({
    type: z.literal('chat.send'),
    chatId: text(100),
    text: z.string().trim().min(1, 'Message is empty').max(4000, 'Message is longer than 4000 characters'),
    clientMessageId: z.string().min(8).max(100),
  }),
  z.object({ type: z.literal('chat.end'), chatId: text(100) }),
  z.object({ type: z.literal('chat.retry'), chatId: text(100), clientMessageId: text(100) }),
  z.object({ type: z.literal('chat.typing'), chatId: text(100), typing: z.boolean() }),
  z.object({ type: z.literal('chat.read'), chatId: text(100), index: z.number().int().min(0) }),
  z.object({ type: z.literal('chat.focus'), chatId: text(100) }),
  z.object({
    type: z.literal('file.attach'),
    chatId: text(100),
    uploadId: z.string().regex(/^[\w-]{8,100}$/, 'must be an id'),
    name: z.string().trim().min(1, 'File name is empty').max(255, 'File name is longer than 255 characters'),
    mime: text(200),
    // Base64 of at most MAX_FILE_BYTES.
    data: z.string().min(1, 'The file is empty').max(Math.ceil(MAX_FILE_BYTES / 3) * 4, `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`),
  }),
  z.object({ type: z.literal('file.download'), chatId: text(100), fileId: z.string().min(1).max(200), requestId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('report.get'), chatId: text(100), requestId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('heartbeat') }),
  z.object({ type: z.literal('resync') }),
  z.object({ type: z.literal('debug.fastForward'), seconds: z.number().int().min(1).max(86_400) }),
  z.object({ type: z.literal('debug.offerNow') }),
  z.object({ type: z.literal('debug.offerIn'), seconds: z.number().int().min(1).max(MAX_COUNTDOWN_SECONDS) }),
  z.object({ type: z.literal('debug.cancelOffer') }),
  z.object({ type: z.literal('debug.exitIntent') }),
  z.object({ type: z.literal('debug.resetVisitor') }),
]) satisfies z.ZodType<UiToBackground>;

/** What the in-page host script sends (`runtime.sendMessage` from the page's top frame). */
export const HostToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame.register'), secret: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits') }),
  z.object({ type: z.literal('frame.evicted'), reason: text(200) }),
]) satisfies z.ZodType<HostToBackground>;

const strings = (keys: number, key: number, value: number) =>
  z.record(z.string().min(1).max(key), z.string().max(value)).refine((r) => Object.keys(r).length <= keys, `at most ${keys} keys`);
const chatId = text(100);

/** A call a page made through the page API, as its relay forwards it (src/protocol/page-api.ts; limits as core/page-api.ts). */
export const PageApiRequestSchema = z.object({
  id: z.number().int().min(0),
  request: z.discriminatedUnion('call', [
    z.object({ call: z.literal('offer'), queue: z.string().trim().min(1).max(100), metadata: strings(20, 100, 500), defaultUi: z.boolean() }),
    z.object({ call: z.literal('accept') }),
    z.object({ call: z.literal('decline') }),
    z.object({ call: z.literal('startChat'), nickname: text(100).optional(), subject: text(200).optional(), userData: strings(20, 100, 1000).optional() }),
    z.object({ call: z.literal('restore') }),
    z.object({ call: z.literal('send'), chatId, text: z.string().trim().min(1).max(4000), clientMessageId: z.string().min(8).max(200) }),
    z.object({ call: z.literal('typing'), chatId, typing: z.boolean() }),
    z.object({ call: z.literal('leave'), chatId }),
    z.object({ call: z.literal('transcript'), chatId, fromIndex: z.number().int().min(0) }),
    z.object({ call: z.literal('setUserData'), chatId, userData: strings(20, 100, 1000) }),
    z.object({ call: z.literal('getUserData'), chatId, key: z.string().min(1).max(100) }),
    z.object({ call: z.literal('deleteUserData'), chatId, key: z.string().min(1).max(100) }),
    z.object({
      call: z.literal('resume'),
      seen: z.record(chatId, z.number().int().min(0)).refine((r) => Object.keys(r).length <= 50, 'at most 50 chats'),
      ended: z.array(chatId).max(50),
    }),
  ]),
}) satisfies z.ZodType<PageApiRequest>;

/**
 * One-off requests from the extension's own pages (the options page) to the background,
 * over `runtime.sendMessage`. Answered with a `PageReply`.
 */
export type PageRequest =
  /** Checks a CRM configuration (not necessarily saved yet) and says what was checked. */
  | { type: 'crm.test'; crm: CrmSettings }
  /** Sends a held or waiting CRM event again now (the sync log's Retry button). */
  | { type: 'crm.retry'; id: string }
  /** The demo report of a chat (the outcome log's Report link): answered with a `ReportReply`. */
  | { type: 'report.get'; chatId: string }
  /** Gives up on an undelivered CRM event (the sync log's Discard button). */
  | { type: 'crm.discard'; id: string };

/** The background's answer to a `PageRequest`: `message` is shown to the user as it is. */
export type PageReply = { ok: boolean; message: string };

/** The answer to `report.get`: the report's data, or why there is none. */
export type ReportReply = { ok: true; message: string; report: ReportData } | { ok: false; message: string };

export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crm.test'), crm: CrmSettingsSchema }),
  z.object({ type: z.literal('crm.retry'), id: text(200) }),
  z.object({ type: z.literal('crm.discard'), id: text(200) }),
  z.object({ type: z.literal('report.get'), chatId: text(100) }),
]) satisfies z.ZodType<PageRequest>;

/** Parses an untrusted value; on failure returns a one-line reason instead of throwing. */
export function parseMessage<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
}
