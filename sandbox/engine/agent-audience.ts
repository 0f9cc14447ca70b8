/**
 * One connected agent in the agent feed (agent-feed.ts): its open notification streams and,
 * per chat it was told about, the summary last sent, so a change becomes the smallest event
 * that says it: InteractionAdded (with the transcript, once), MessageLogUpdated (the new
 * messages), InteractionUpdated (the summary, when it changed) or InteractionRemoved.
 */
import type { AgentMessage, Interaction, InteractionSummary } from './types.ts';

/** Receives one event for one stream. */
export type FeedSink = (event: string, data: unknown) => void;

/** What an audience needs from the feed: the transcript for a first announcement, and the watcher index. */
export interface AudienceHost {
  transcript(chatId: string): AgentMessage[];
  watch(chatId: string, audience: AgentAudience, on: boolean): void;
}

/** An agent's streams and what they know. */
export class AgentAudience {
  readonly sinks = new Set<FeedSink>();
  /** Chat id → JSON of the summary last sent. */
  private readonly known = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly host: AudienceHost,
  ) {}

  /** Sends to every stream of this agent. */
  send(event: string, data: unknown): void {
    for (const sink of this.sinks) sink(event, data);
  }

  /** Chats this agent was told about. */
  knownChats(): string[] {
    return [...this.known.keys()];
  }

  /** Records a full view sent as part of a snapshot (no event: the caller sent it). */
  remember(view: Interaction): void {
    const { messages: _messages, ...summary } = view;
    this.set(view.id, JSON.stringify(summary));
  }

  /** Brings the agent up to date on one chat: `view` null means it no longer sees it. */
  reconcile(chatId: string, view: InteractionSummary | null, newMessages: readonly AgentMessage[]): void {
    const before = this.known.get(chatId);
    if (!view) {
      if (before === undefined) return;
      this.forget(chatId);
      return this.send('InteractionRemoved', { interactionId: chatId });
    }
    const now = JSON.stringify(view);
    this.set(chatId, now);
    if (before === undefined) return this.send('InteractionAdded', { interaction: { ...view, messages: this.host.transcript(chatId) } });
    if (newMessages.length > 0) this.send('MessageLogUpdated', { interactionId: chatId, messages: newMessages });
    if (before !== now) this.send('InteractionUpdated', { interaction: view });
  }

  /** Forgets every chat (the last stream closed). */
  clear(): void {
    for (const chatId of [...this.known.keys()]) this.forget(chatId);
  }

  private set(chatId: string, summary: string): void {
    if (!this.known.has(chatId)) this.host.watch(chatId, this, true);
    this.known.set(chatId, summary);
  }

  private forget(chatId: string): void {
    this.known.delete(chatId);
    this.host.watch(chatId, this, false);
  }
}
