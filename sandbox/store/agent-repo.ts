/**
 * Prepared statements for agent availability: each agent's default state (`agents`, the
 * state of every queue without an explicit row) and its per-queue overrides
 * (`agent_queues`). No rules live here; engine/availability.ts owns them.
 */
import type { AgentState } from '../engine/types.ts';
import type { Db } from './db.ts';

/** Creates the agent statements; merged into the repository by createRepo. */
export function createAgentRepo(db: Db) {
  const s = {
    getAgent: db.prepare<[string], { state: AgentState }>('SELECT state FROM agents WHERE name = ?'),
    upsertAgent: db.prepare(`INSERT INTO agents (name, state, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
    queueStates: db.prepare<[string], { queue: string; state: AgentState }>(
      'SELECT queue, state FROM agent_queues WHERE agent_name = ? ORDER BY queue'),
    upsertQueue: db.prepare(`INSERT INTO agent_queues (agent_name, queue, state, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (agent_name, queue) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
    clearQueues: db.prepare('DELETE FROM agent_queues WHERE agent_name = ?'),
    chatQueues: db.prepare<[], { queue: string }>('SELECT DISTINCT queue FROM chats ORDER BY queue'),
    queueUsed: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM chats WHERE queue = ? LIMIT 1'),
  };

  return {
    /** The agent's state for queues without an override (an agent never seen is NotReady). */
    agentState: (name: string): AgentState => s.getAgent.get(name)?.state ?? 'NotReady',
    setAgentState: (name: string, state: AgentState, at: number) => void s.upsertAgent.run(name, state, at),
    /** Explicit per-queue states of an agent. */
    queueStates: (name: string) => new Map(s.queueStates.all(name).map((r) => [r.queue, r.state])),
    setQueueState: (name: string, queue: string, state: AgentState, at: number) => void s.upsertQueue.run(name, queue, state, at),
    clearQueueStates: (name: string) => void s.clearQueues.run(name),
    /** Every queue some chat was requested on (or transferred to). */
    chatQueues: (): string[] => s.chatQueues.all().map((r) => r.queue),
    queueUsed: (queue: string): boolean => s.queueUsed.get(queue) !== undefined,
  };
}
