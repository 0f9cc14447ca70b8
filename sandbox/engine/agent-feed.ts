/**
 * Turns engine events into the notification stream one agent sees. It remembers which
 * interactions it has announced, so it can tell Added from Updated from Removed, and only
 * sends what this agent may see.
 *
 * Events (name → data):
 * - `AgentStateChanged` → `{user: AgentView}` (first event, then when this agent's
 *   availability changes)
 * - `QueueAdded` → `{queue: {name, state}}` (a chat added a queue: only that queue, with this
 *   agent's state on it, never the whole list again)
 * - `InteractionAdded` / `InteractionUpdated` → `{interaction}` (full Interaction)
 * - `MessageLogUpdated` → `{interactionId, messages}` (only the new messages)
 * - `InteractionRemoved` → `{interactionId}`
 * - `ChatHistory` → `{interactionId, messages}` (answer to this agent's RequestChatHistory)
 * - `CrmInteractionUpdated` → `{interactionId, chatId}` (the Sandbox CRM changed the
 *   interaction of a chat this agent sees; `interactionId` is the CRM's 'I-<n>')
 */
import type { AgentDesk } from './agent-desk.ts';
import type { ChatChanged, CrmChanged, EngineEvents, HistoryRequested, QueueAdded } from './events.ts';
import type { Interaction } from './types.ts';

/** Receives one event for the stream. */
export type FeedSink = (event: string, data: unknown) => void;

// Everything but the messages (those go out as MessageLogUpdated): a change is "updated".
const summary = ({ messages: _messages, ...rest }: Interaction) => JSON.stringify(rest);

/**
 * Sends the current state (AgentStateChanged, then InteractionAdded for each visible
 * interaction) and then every change. Returns the function that unsubscribes.
 */
export function subscribeAgentFeed(desk: AgentDesk, events: EngineEvents, name: string, send: FeedSink): () => void {
  const known = new Map<string, string>(); // interaction id → summary last sent

  const sendUser = () => send('AgentStateChanged', { user: desk.me(name) });

  const reconcile = (id: string, view: Interaction | null, newMessages: ChatChanged['messages']) => {
    const before = known.get(id);
    if (!view) {
      if (before !== undefined) {
        known.delete(id);
        send('InteractionRemoved', { interactionId: id });
      }
      return;
    }
    const now = summary(view);
    known.set(id, now);
    if (before === undefined) return send('InteractionAdded', { interaction: view });
    if (newMessages.length > 0) send('MessageLogUpdated', { interactionId: id, messages: newMessages });
    if (before !== now) send('InteractionUpdated', { interaction: view });
  };

  const onChat = ({ chatId, messages }: ChatChanged) => reconcile(chatId, desk.interactionFor(name, chatId), messages);

  const onQueue = (e: QueueAdded) =>
    send('QueueAdded', { queue: { name: e.name, state: desk.availability.isReady(name, e.name) ? 'Ready' : 'NotReady' } });

  const onHistory = (e: HistoryRequested) => {
    if (e.agent === name) send('ChatHistory', { interactionId: e.chatId, messages: e.messages });
  };

  // Only chats already announced: the console fetches the CRM view of chats it shows.
  const onCrm = (e: CrmChanged) => {
    if (known.has(e.chatId)) send('CrmInteractionUpdated', { interactionId: e.interactionId, chatId: e.chatId });
  };

  const onAgent = (e: { name: string }) => {
    if (e.name !== name) return;
    sendUser();
    // Ready/NotReady changes which waiting chats are offered: re-diff the whole list.
    const views = new Map(desk.interactions(name).map((i) => [i.id, i]));
    for (const id of [...known.keys()]) if (!views.has(id)) reconcile(id, null, []);
    for (const [id, view] of views) reconcile(id, view, []);
  };

  sendUser();
  for (const view of desk.interactions(name)) reconcile(view.id, view, []);
  events.on('chat', onChat);
  events.on('agent', onAgent);
  events.on('queue', onQueue);
  events.on('history', onHistory);
  events.on('crm', onCrm);
  return () => {
    events.off('crm', onCrm);
    events.off('history', onHistory);
    events.off('chat', onChat);
    events.off('agent', onAgent);
    events.off('queue', onQueue);
  };
}
