import type { ChatSummary, UiToBackground } from '../../protocol/ports';
import { useWords, type Words } from '../i18n/words';
import { statusLine } from './ChatPanel';

/** How a chat reads in the switcher: where and when it started, and where it stands, in the visitor's words. */
export function chatLabel(c: ChatSummary, w: Words): string {
  const { t } = w;
  const where = c.site ? t('switcher.where', { site: c.site, queue: c.queue }) : c.queue;
  const said = { where, time: w.clock(c.startedAt), status: statusLine({ status: c.status, agents: [] }, w) };
  return c.unread > 0 ? t('switcher.chatUnread', { ...said, count: c.unread }) : t('switcher.chat', said);
}

/**
 * The popup's chat switcher, shown when several chats run at once. Choosing one shows it
 * here and moves the user's focus to it (the CRM switches interaction).
 */
export function ChatSwitcher({ chats, current, send }: { chats: ChatSummary[]; current?: string; send: (m: UiToBackground) => void }) {
  const w = useWords();
  return (
    <label class="bk-switcher">
      <span>{w.t('switcher.label')}</span>
      <select
        value={current ?? ''}
        data-testid="popup-chat-switcher"
        onChange={(e) => send({ type: 'chat.focus', chatId: (e.currentTarget as HTMLSelectElement).value })}
      >
        {current === undefined ? <option value="">{w.t('switcher.choose')}</option> : null}
        {chats.map((c) => (
          <option key={c.id} value={c.id}>
            {chatLabel(c, w)}
          </option>
        ))}
      </select>
    </label>
  );
}
