/**
 * The agents' notification feed: engine events turned into the changes each connected agent
 * may see. One listener per event kind for the whole Sandbox (not one per stream), and a
 * chat's change is looked at only for the agents it concerns: those already told about it,
 * those in it or invited to it, and, while it waits for an agent, the connected agents it may
 * be offered to. Each of those gets its view built once (without the transcript) and only the
 * difference is sent (agent-audience.ts). Events (name → data):
 *
 * - `AgentStateChanged` → `{user: AgentView}`: first, then when this agent's availability changes
 * - `QueueAdded` → `{queue: {name, state}}`: a chat added a queue (never the whole list again)
 * - `InteractionAdded` → `{interaction}` (with its transcript) · `InteractionUpdated` →
 *   `{interaction}` (without `messages`) · `MessageLogUpdated` → `{interactionId, messages}` (the
 *   new ones) · `InteractionRemoved` → `{interactionId}`
 * - `ChatHistory` → `{interactionId, messages}` (answer to this agent's RequestChatHistory)
 * - `CrmInteractionUpdated` → `{interactionId, chatId}` (the CRM changed a chat this agent sees)
 * - `AutopilotUpdated` → `{chatId}` (to every agent: the autopilot's chats or scripts changed; chatId
 *   null for its scripts and queues; the console reads the autopilot's state again)
 */
import type { AgentDesk } from './agent-desk.ts';
import { AgentAudience, type FeedSink } from './agent-audience.ts';
import type { AutopilotChanged, ChatChanged, CrmChanged, HistoryRequested, QueueAdded } from './events.ts';

export type { FeedSink };

/** Every agent's feed, over one desk. */
export class AgentFeeds {
  private readonly audiences = new Map<string, AgentAudience>();
  /** Chat id → connected agents told about it. */
  private readonly watchers = new Map<string, Set<AgentAudience>>();
  /** Interaction views built for chat changes since start (stats: the feed's work). */
  views = 0;

  constructor(private readonly desk: AgentDesk) {
    const events = desk.events;
    events.on('chat', (e) => this.onChat(e));
    events.on('agent', (e) => this.onAgent(e.name));
    events.on('queue', (e) => this.onQueue(e));
    events.on('history', (e) => this.onHistory(e));
    events.on('crm', (e) => this.onCrm(e));
    events.on('autopilot', (e) => this.onAutopilot(e));
  }

  private get repo() {
    return this.desk.engine.repo;
  }

  /**
   * Resolves at a moment when every write so far is committed, so a snapshot taken right
   * after holds nothing that is not durable (the notification route awaits it first).
   */
  async settled(): Promise<void> {
    while (this.repo.pending()) await this.repo.durable();
  }

  /**
   * Sends `sink` the current state (AgentStateChanged, then InteractionAdded per visible
   * interaction) and then every change. Returns the function that unsubscribes.
   */
  subscribe(name: string, sink: FeedSink): () => void {
    let audience = this.audiences.get(name);
    const snapshot = this.desk.interactions(name);
    if (!audience) {
      audience = new AgentAudience(name, {
        transcript: (chatId) => this.repo.messagesFrom(chatId, 0),
        watch: (chatId, who, on) => this.watch(chatId, who, on),
      });
      this.audiences.set(name, audience);
      for (const view of snapshot) audience.remember(view);
    }
    sink('AgentStateChanged', { user: this.desk.me(name) });
    for (const view of snapshot) sink('InteractionAdded', { interaction: view });
    audience.sinks.add(sink);
    const mine = audience;
    return () => {
      mine.sinks.delete(sink);
      if (mine.sinks.size > 0 || this.audiences.get(name) !== mine) return;
      this.audiences.delete(name);
      mine.clear();
    };
  }

  private watch(chatId: string, audience: AgentAudience, on: boolean): void {
    let set = this.watchers.get(chatId);
    if (on) {
      if (!set) this.watchers.set(chatId, (set = new Set()));
      set.add(audience);
    } else if (set?.delete(audience) && set.size === 0) {
      this.watchers.delete(chatId);
    }
  }

  private onChat({ chatId, messages }: ChatChanged): void {
    const concerned = new Set(this.watchers.get(chatId));
    const chat = this.repo.getChat(chatId);
    const rows = chat ? this.repo.chatAgents(chatId) : [];
    for (const r of rows) {
      const audience = (r.status === 'Joined' || r.status === 'Invited') && this.audiences.get(r.agent);
      if (audience) concerned.add(audience);
    }
    if (chat && this.desk.routing.waiting(chat, rows)) {
      if (chat.targetAgent !== null) {
        const target = this.audiences.get(chat.targetAgent);
        if (target) concerned.add(target);
      } else {
        // Offered on its queue: any connected agent may be Ready there (routing decides).
        for (const audience of this.audiences.values()) concerned.add(audience);
      }
    }
    if (concerned.size === 0) return;
    const present = chat && this.repo.present(chatId);
    for (const audience of concerned) {
      this.views++;
      audience.reconcile(chatId, chat ? this.desk.routing.summary(audience.name, chat, rows, present ?? undefined) : null, messages);
    }
  }

  /** Ready/NotReady changes which waiting chats the agent is offered: re-diff its whole list. */
  private onAgent(name: string): void {
    const audience = this.audiences.get(name);
    if (!audience) return;
    audience.send('AgentStateChanged', { user: this.desk.me(name) });
    const views = new Map(this.desk.routing.summaries(name).map((v) => [v.id, v]));
    for (const id of audience.knownChats()) if (!views.has(id)) audience.reconcile(id, null, []);
    for (const [id, view] of views) audience.reconcile(id, view, []);
  }

  private onQueue({ name }: QueueAdded): void {
    for (const audience of this.audiences.values()) {
      audience.send('QueueAdded', { queue: { name, state: this.desk.availability.isReady(audience.name, name) ? 'Ready' : 'NotReady' } });
    }
  }

  private onHistory(e: HistoryRequested): void {
    this.audiences.get(e.agent)?.send('ChatHistory', { interactionId: e.chatId, messages: e.messages });
  }

  // Every agent may watch the autopilot and take a chat over from it.
  private onAutopilot(e: AutopilotChanged): void {
    for (const audience of this.audiences.values()) audience.send('AutopilotUpdated', { chatId: e.chatId });
  }

  // Only to agents told about the chat: the console fetches the CRM view of chats it shows.
  private onCrm(e: CrmChanged): void {
    for (const audience of this.watchers.get(e.chatId) ?? []) {
      audience.send('CrmInteractionUpdated', { interactionId: e.interactionId, chatId: e.chatId });
    }
  }
}
