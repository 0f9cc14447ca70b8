/**
 * Turns engine events into the notification stream one agent sees. It remembers which
 * interactions it has announced, so it can tell Added from Updated from Removed, and only
 * sends what this agent may see.
 *
 * Events (name → data):
 * - `AgentStateChanged` → `{user: {name, state}}` (first event, and on each change)
 * - `InteractionAdded` / `InteractionUpdated` → `{interaction}` (full Interaction)
 * - `MessageLogUpdated` → `{interactionId, messages}` (only the new messages)
 * - `InteractionRemoved` → `{interactionId}`
 */
import type { AgentDesk } from './agent-desk.ts';
import type { ChatChanged, EngineEvents } from './events.ts';
import type { Interaction } from './types.ts';

/** Receives one event for the stream. */
export type FeedSink = (event: string, data: unknown) => void;

// What, besides messages, makes an interaction "updated" for the console.
const summary = (i: Interaction) => JSON.stringify([i.state, i.participants, i.endedAt]);

/**
 * Sends the current state (AgentStateChanged, then InteractionAdded for each visible
 * interaction) and then every change. Returns the function that unsubscribes.
 */
export function subscribeAgentFeed(desk: AgentDesk, events: EngineEvents, name: string, send: FeedSink): () => void {
  const known = new Map<string, string>(); // interaction id → summary last sent

  const sendUser = () => send('AgentStateChanged', { user: { name, state: desk.state(name) } });

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
  return () => {
    events.off('chat', onChat);
    events.off('agent', onAgent);
  };
}
