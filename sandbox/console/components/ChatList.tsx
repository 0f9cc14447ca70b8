/** The left column: chats waiting for an agent, this agent's own chats, then the autopilot's. */
import type { AutopilotChat } from '../../autopilot/status.ts';
import type { AgentState, Interaction, QueueState } from '../../engine/types.ts';
import { unreadCount } from '../state.ts';
import { AutopilotChats } from './AutopilotChats.tsx';
import { QueueToggles } from './QueueToggles.tsx';

/** Props of ChatList. */
export interface ChatListProps {
  interactions: Interaction[];
  selected: string | null;
  seen: Record<string, number>;
  agentState: AgentState;
  queues: QueueState[];
  onSelect(id: string): void;
  onToggleQueue(queue: string, next: AgentState): void;
  /** The autopilot's chats (to watch and take over), and the one watched. */
  autopilotChats?: AutopilotChat[];
  watching?: string | null;
  onWatch?(chatId: string): void;
}

const PAGE_KEYS = ['Page Name', 'pageName', 'Page Title'];

// A transfer or consultation is addressed to this agent: say so instead of the queue name.
const OFFER_LABEL: Record<string, string | undefined> = { Transfer: 'Transferred to you', Consultation: 'Consult request' };

/** The chat list. */
export function ChatList({ interactions, selected, seen, agentState, queues, onSelect, onToggleQueue, autopilotChats = [], watching = null, onWatch = () => {} }: ChatListProps) {
  const waiting = interactions.filter((i) => i.state === 'Offered');
  const mine = interactions.filter((i) => i.state !== 'Offered');
  return (
    <nav class="chat-list" aria-label="Chats">
      <QueueToggles queues={queues} onToggle={onToggleQueue} />
      <h2>Waiting <span class="count">{waiting.length}</span></h2>
      {waiting.length === 0 && (
        <p class="muted small">{agentState === 'Ready' ? 'No visitor is waiting.' : 'Not Ready: new chats are not offered.'}</p>
      )}
      <ul>
        {waiting.map((i) => {
          const page = PAGE_KEYS.map((k) => i.userData[k]).find(Boolean);
          return (
            <li key={i.id}>
              <button type="button" class="chat-item offered" data-testid="waiting-chat" data-chat-id={i.id}
                aria-current={i.id === selected ? 'true' : undefined} onClick={() => onSelect(i.id)}>
                <span class="line1"><strong>{i.customer.nickname}</strong>
                  <span class="queue">{OFFER_LABEL[i.offer?.kind ?? 'Queue'] ?? i.queue}</span></span>
                {i.subject && <span class="line2">{i.subject}</span>}
                {page && <span class="line2 muted">on {page}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <h2>My chats <span class="count">{mine.length}</span></h2>
      <ul>
        {mine.map((i) => {
          const unread = i.id === selected ? 0 : unreadCount(i, seen[i.id] ?? 0);
          return (
            <li key={i.id}>
              <button type="button" class={`chat-item ${i.state === 'Ended' ? 'ended' : ''}`} data-testid="my-chat" data-chat-id={i.id}
                aria-current={i.id === selected ? 'true' : undefined} onClick={() => onSelect(i.id)}>
                <span class="line1"><strong>{i.customer.nickname}</strong>
                  {unread > 0 && <span class="badge" aria-label={`${unread} unread`}>{unread}</span>}</span>
                <span class="line2 muted">{i.state === 'Ended' ? 'Visitor left' : i.queue}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <AutopilotChats chats={autopilotChats} selected={watching} onSelect={onWatch} />
    </nav>
  );
}
