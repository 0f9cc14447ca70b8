/**
 * The signed-in view: top bar, the views (chats, autopilot, canned replies), and in the chats
 * view the chat list and the selected chat (one of the agent's, or an autopilot chat it
 * watches). Owns the notification connection and the desk state that its events build.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { AgentState } from '../../engine/types.ts';
import { type Credentials, getAgents, setAgentState } from '../api.ts';
import { useAutopilotState, useCannedReplies } from '../demo-data.ts';
import { connectNotifications } from '../notifications.ts';
import type { SseEvent } from '../sse-parser.ts';
import { applyEvent, type DeskState, emptyDesk } from '../state.ts';
import { AutopilotChatPane } from './AutopilotChatPane.tsx';
import { AutopilotView } from './AutopilotView.tsx';
import { CannedView } from './CannedView.tsx';
import { ChatList } from './ChatList.tsx';
import { ChatPane } from './ChatPane.tsx';
import { TopBar } from './TopBar.tsx';

type Action = { type: 'reset' } | { type: 'event'; event: SseEvent };
type View = 'chats' | 'autopilot' | 'canned';
const VIEWS: [View, string][] = [['chats', 'Chats'], ['autopilot', 'Autopilot'], ['canned', 'Canned replies']];

const reducer = (state: DeskState, action: Action): DeskState =>
  action.type === 'reset' ? emptyDesk : applyEvent(state, action.event);

/** Props of Desk. */
export interface DeskProps {
  creds: Credentials;
  onSignOut(reason?: string): void;
}

/** The agent's working view. */
export function Desk({ creds, onSignOut }: DeskProps) {
  const [desk, dispatch] = useReducer(reducer, emptyDesk);
  const [status, setStatus] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const [view, setView] = useState<View>('chats');
  const [selected, setSelected] = useState<string | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const [seen, setSeen] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [agents, setAgents] = useState<string[]>([]);
  const [autopilot, reloadAutopilot] = useAutopilotState(creds, `${status}:${desk.autopilot}`);
  const [canned, reloadCanned] = useCannedReplies(creds);

  // The agent list is fixed for a Sandbox run: one fetch per sign-in is enough.
  useEffect(() => {
    getAgents(creds).then(setAgents, () => setAgents([]));
  }, [creds]);

  useEffect(
    () =>
      connectNotifications(creds, {
        onOpen: () => dispatch({ type: 'reset' }),
        onEvent: (event) => dispatch({ type: 'event', event }),
        onStatus: setStatus,
        onUnauthorized: () => onSignOut('Your sign-in is no longer valid. Please sign in again.'),
      }),
    [creds],
  );

  const current = selected ? desk.interactions[selected] : undefined;
  const watched = watching ? autopilot?.chats.find((c) => c.chatId === watching) : undefined;
  const lastIndex = current?.messages.at(-1)?.index ?? 0;
  // What is on screen counts as read.
  useEffect(() => {
    if (current && (seen[current.id] ?? 0) < lastIndex) setSeen({ ...seen, [current.id]: lastIndex });
  }, [current?.id, lastIndex]);

  const toggleReady = async (next: AgentState, queues?: string[]) => {
    setError(null);
    try {
      await setAgentState(creds, next, queues);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const select = (id: string) => {
    setSelected(id);
    setWatching(null);
  };
  const watch = (id: string) => {
    setWatching(id);
    setSelected(null);
  };
  const stopped = current && autopilot?.chats.find((c) => c.chatId === current.id && c.state === 'stopped');

  return (
    <div class="desk">
      <TopBar name={creds.name} agentState={desk.agentState} queues={desk.queues} status={status}
        onToggle={(next) => void toggleReady(next)} onSignOut={() => onSignOut()} />
      <nav class="views" aria-label="Views">
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" data-testid={`view-${id}`} aria-pressed={view === id} onClick={() => setView(id)}>{label}</button>
        ))}
      </nav>
      {error && <p class="error banner" role="alert">{error}</p>}
      {view === 'autopilot' && <AutopilotView creds={creds} state={autopilot} reload={reloadAutopilot} />}
      {view === 'canned' && <CannedView creds={creds} replies={canned} reload={reloadCanned} />}
      {view === 'chats' && (
        <div class="workspace">
          <ChatList interactions={Object.values(desk.interactions)} selected={selected} seen={seen} onSelect={select}
            agentState={desk.agentState} queues={desk.queues} onToggleQueue={(queue, next) => void toggleReady(next, [queue])}
            autopilotChats={autopilot?.chats ?? []} watching={watching} onWatch={watch} />
          {current ? (
            <ChatPane key={current.id} interaction={current} creds={creds} agents={agents} queues={desk.queues.map((q) => q.name)}
              crmRevision={`${status}:${desk.crm[current.id] ?? 0}`} canned={canned} onCannedOpen={reloadCanned}
              autopilotNote={stopped ? `The autopilot (${stopped.nickname ?? stopped.agent}) stopped on this chat: ${stopped.reason}.` : null} />
          ) : watched ? (
            <AutopilotChatPane key={watched.chatId} chat={watched} creds={creds} revision={desk.autopilot} onTakenOver={select} />
          ) : (
            <section class="pane empty" aria-label="Chat">
              <p>{desk.agentState === 'Ready' ? 'Select a chat on the left.' : 'Go Ready to receive chats.'}</p>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
