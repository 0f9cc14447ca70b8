/**
 * One-off requests from the options page to the background (`PageRequest`), always ending
 * in something to show: the background's own message (English, the background's), or a plain reason why there is none
 * (it did not answer, could not be reached, or took too long).
 */
import { browser } from 'wxt/browser';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { PageReply, PageRequest } from '../../protocol/messages';

/** How long to wait for an answer before saying there was none. */
export const REPLY_TIMEOUT_MS = 60_000;

const isReply = (v: unknown): v is PageReply =>
  typeof v === 'object' && v !== null && typeof (v as PageReply).ok === 'boolean' && typeof (v as PageReply).message === 'string';

/** Sends `request` and resolves with the reply to show; never rejects. */
export async function askBackground(request: PageRequest, timeoutMs = REPLY_TIMEOUT_MS, t: Translate<StaffKey> = staffEnglish): Promise<PageReply> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const reply: unknown = await Promise.race([browser.runtime.sendMessage(request), timeout]);
    if (reply === 'timeout') {
      return { ok: false, message: t('options.background.timeout', { seconds: Math.round(timeoutMs / 1000) }) };
    }
    if (isReply(reply)) return reply;
    // Nobody handled it: an older background, or one that stopped while answering.
    return { ok: false, message: t('options.background.noAnswer') };
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
    return { ok: false, message: t('options.background.unreachable', { reason }) };
  } finally {
    clearTimeout(timer);
  }
}
