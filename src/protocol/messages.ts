/**
 * Runtime validation of everything that crosses into the background. Content scripts run
 * inside pages nobody here controls, so what they send is parsed, never trusted.
 */
import { z } from 'zod';
import type { UiToBackground } from './ports';
import type { WatcherReport } from './watcher';

const text = (max: number) => z.string().max(max);

/** The watcher's report of page context (see protocol/watcher.ts). */
export const WatcherReportSchema = z.object({
  type: z.literal('watcher.context'),
  url: z.string().max(4096).regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  pageName: text(500),
  visibleMs: z.number().finite().min(0).max(365 * 24 * 3600 * 1000),
}) satisfies z.ZodType<WatcherReport>;

/** Messages a UI sends over its port. */
export const UiToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), tabId: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('offer.accept'), offerId: text(100) }),
  z.object({ type: z.literal('offer.decline'), offerId: text(100) }),
  z.object({
    type: z.literal('chat.send'),
    chatId: text(100),
    text: z.string().trim().min(1, 'Message is empty').max(4000, 'Message is longer than 4000 characters'),
  }),
  z.object({ type: z.literal('chat.end'), chatId: text(100) }),
  z.object({ type: z.literal('heartbeat') }),
]) satisfies z.ZodType<UiToBackground>;

/** Parses an untrusted value; on failure returns a one-line reason instead of throwing. */
export function parseMessage<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
}
