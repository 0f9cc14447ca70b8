/**
 * The chat list's autopilot section: the chats the autopilot rings for, chats in, or stopped
 * on (and why), newest stops last. Selecting one shows it in AutopilotChatPane, where a human
 * can watch it and take it over.
 */
import type { AutopilotChat } from '../../autopilot/status.ts';

/** Props of AutopilotChats. */
export interface AutopilotChatsProps {
  chats: AutopilotChat[];
  /** The selected autopilot chat's id, if one is selected. */
  selected: string | null;
  onSelect(chatId: string): void;
}

const STATE = { ringing: 'Accepting soon', chatting: 'Chatting', stopped: 'Stopped' } as const;
/** Stopped chats shown at most (the most recent). */
const STOPPED_SHOWN = 10;

/** The autopilot's chats. */
export function AutopilotChats({ chats, selected, onSelect }: AutopilotChatsProps) {
  const live = chats.filter((c) => c.state !== 'stopped');
  const stopped = chats.filter((c) => c.state === 'stopped').slice(0, STOPPED_SHOWN);
  if (live.length + stopped.length === 0) return null;
  return (
    <>
      <h2>Autopilot <span class="count">{live.length}</span></h2>
      <ul data-testid="autopilot-chats">
        {[...live, ...stopped].map((c) => (
          <li key={`${c.chatId} ${c.agent}`}>
            <button type="button" class={`chat-item autopilot ${c.state}`} data-testid="autopilot-chat" data-chat-id={c.chatId} data-state={c.state}
              aria-current={c.chatId === selected ? 'true' : undefined} onClick={() => onSelect(c.chatId)}>
              <span class="line1"><strong>{c.visitor}</strong><span class="queue">{c.queue}</span></span>
              <span class="line2 muted">{STATE[c.state]}{c.nickname ? ` · ${c.nickname}` : ''}{c.reason ? ` · ${c.reason}` : ''}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
