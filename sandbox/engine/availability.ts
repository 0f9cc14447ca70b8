/**
 * Agent availability per queue. Each agent has a default state (for every queue without an
 * explicit one, including queues that appear later) and per-queue overrides, so "Ready"
 * with no queue list keeps meaning "Ready everywhere", as before queues existed.
 *
 * Known queues: the configured list, in its order, then every other queue a chat was
 * requested on (or transferred to), alphabetically. Chats may add at most CHAT_QUEUE_LIMIT.
 */
import { CHAT_QUEUE_LIMIT } from '../config.ts';
import type { ChatEngine } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import type { AgentState, AgentView, QueueAvailability } from './types.ts';

/** An agent's default state and its per-queue overrides, as stored. */
interface AgentStates {
  fallback: AgentState;
  overrides: Map<string, AgentState>;
}

/** Readiness rules over the store. One per running Sandbox. */
export class Availability {
  /**
   * Each agent's states, read once: routing asks `isReady` for every connected agent whenever
   * a waiting chat changes. Dropped on set() and after a batch that failed to commit.
   */
  private readonly states = new Map<string, AgentStates>();
  /** Agents that count as ready agents: the configured ones, then the autopilot's (addAgent). */
  private readonly agents: string[];

  constructor(
    private readonly engine: ChatEngine,
    /** Names of the configured agents. */
    agents: readonly string[],
    private readonly configuredQueues: readonly string[],
  ) {
    this.agents = [...agents];
    engine.repo.onRollback(() => this.states.clear());
  }

  /** Counts `name` among the ready agents too (the autopilot's agents: a queue it serves is staffed). */
  addAgent(name: string): void {
    if (!this.agents.includes(name)) this.agents.push(name);
  }

  private get repo() {
    return this.engine.repo;
  }

  private statesOf(agent: string): AgentStates {
    let s = this.states.get(agent);
    if (!s) this.states.set(agent, (s = { fallback: this.repo.agentState(agent), overrides: this.repo.queueStates(agent) }));
    return s;
  }

  /** Configured queues first, then queues only chats know about. */
  knownQueues(): string[] {
    const extra = this.repo.chatQueues().filter((q) => !this.configuredQueues.includes(q));
    return [...this.configuredQueues, ...extra];
  }

  /** True when the queue is configured or some chat was requested on it. */
  isKnown(queue: string): boolean {
    return this.configuredQueues.includes(queue) || this.repo.queueUsed(queue);
  }

  /**
   * Lets a new chat name `queue`, or throws code 10 when that would add a queue beyond
   * CHAT_QUEUE_LIMIT. RequestChat calls this first, on both dialects.
   */
  admitChatQueue(queue: string): void {
    if (this.isKnown(queue)) return;
    const added = this.repo.chatQueues().filter((q) => !this.configuredQueues.includes(q)).length;
    if (added < CHAT_QUEUE_LIMIT) return;
    throw new GwsError(Code.Validation, `Invalid parameter 'endpoint': queue '${queue}' is not known to this Sandbox, and chats have already added ${CHAT_QUEUE_LIMIT} queues (the most it takes). Known queues: ${this.knownQueues().join(', ')}. Start the Sandbox with --queue to add more.`);
  }

  /** Whether `agent` is offered waiting chats of `queue`. */
  isReady(agent: string, queue: string): boolean {
    const { fallback, overrides } = this.statesOf(agent);
    return (overrides.get(queue) ?? fallback) === 'Ready';
  }

  /** The agent's availability as the API reports it. */
  view(agent: string): AgentView {
    const { fallback, overrides } = this.statesOf(agent);
    const queues = this.knownQueues().map((name) => ({ name, state: overrides.get(name) ?? fallback }));
    const anyReady = fallback === 'Ready' || queues.some((q) => q.state === 'Ready');
    return { name: agent, state: anyReady ? 'Ready' : 'NotReady', queues, otherQueues: fallback };
  }

  /**
   * Sets the agent Ready/NotReady on `queues` (each must be known), or on every queue when
   * `queues` is undefined: that also resets the per-queue overrides. Emits `agent`.
   */
  set(agent: string, state: AgentState, queues?: readonly string[]): void {
    const unknown = queues?.filter((q) => !this.isKnown(q)) ?? [];
    if (unknown.length > 0) {
      throw new GwsError(Code.Validation,
        `Invalid parameter 'queues': unknown queue '${unknown[0]}'. Known queues: ${this.knownQueues().join(', ')}.`);
    }
    const at = this.engine.now();
    this.repo.transaction(() => {
      if (queues === undefined) {
        this.repo.setAgentState(agent, state, at);
        this.repo.clearQueueStates(agent);
      } else {
        for (const q of queues) this.repo.setQueueState(agent, q, state, at);
      }
    });
    this.states.delete(agent);
    this.engine.events.emit('agent', { name: agent });
  }

  /** Agents (configured, and the autopilot's) Ready on `queue`. */
  readyAgents(queue: string): number {
    return this.agents.filter((a) => this.isReady(a, queue)).length;
  }

  /** Every known queue with its number of ready agents. */
  all(): QueueAvailability[] {
    return this.knownQueues().map((name) => ({ name, readyAgents: this.readyAgents(name) }));
  }

  /** One queue, or code 6 naming the known ones. */
  one(queue: string): QueueAvailability {
    if (!this.isKnown(queue)) {
      throw new GwsError(Code.NotFound, `Queue '${queue}' is not known to this Sandbox. Known queues: ${this.knownQueues().join(', ')}.`);
    }
    return { name: queue, readyAgents: this.readyAgents(queue) };
  }
}
