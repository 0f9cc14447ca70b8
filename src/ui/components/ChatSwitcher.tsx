import type { ChatSummary, UiToBackground } from '../../protocol/ports';
import { statusLine } from './ChatPanel';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** How a chat reads in the switcher: where and when it started, and where it stands. */
export function chatLabel(c: ChatSummary): string {
  const where = c.site ? `${c.site}, ` : '';
  const unread = c.unread > 0 ? `, ${c.unread} unread` : '';
  return `${where}${c.queue}, ${time(c.startedAt)}: ${statusLine({ status: c.status, agents: [] })}${unread}`;
}

/**
 * The popup's chat switcher, shown when several chats run at once. Choosing one shows it
 * here and moves the user's focus to it (the CRM switches interaction).
 */
export function ChatSwitcher({ chats, current, send }: { chats: ChatSummary[]; current?: string; send: (m: UiToBackground) => void }) {
  return (
    <label class="bk-switcher">
      <span>Chat</span>
      <select
        value={current ?? ''}
        data-testid="popup-chat-switcher"
        onChange={(e) => send({ type: 'chat.focus', chatId: (e.currentTarget as HTMLSelectElement).value })}
      >
        {current === undefined ? <option value="">Choose a chat…</option> : null}
        {chats.map((c) => (
          <option key={c.id} value={c.id}>
            {chatLabel(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
