/**
 * Defaults and checks for what a Sandbox is started with (agents, queues), shared by
 * startSandbox() and the CLI so both refuse the same bad input with the same sentence.
 */
import type { AgentCredential } from './routes/agent-guard.ts';

/** Agents created when none are configured. */
export const DEMO_AGENTS: readonly AgentCredential[] = [
  { name: 'alice', password: 'alice' },
  { name: 'bob', password: 'bob' },
];

/** Queues known from the start when none are configured (DEFAULT_QUEUE of src/core is one). */
export const DEFAULT_QUEUES: readonly string[] = ['Billing', 'Loans', 'General'];

/**
 * The most queues chats may add beyond the configured ones (RequestChat's `endpoint`,
 * `Default` included). Neither GWS nor GMS documents its answer to an unknown endpoint, so
 * the Sandbox takes new ones (a demo's rules may name any queue) but caps them: an
 * unauthenticated client must not grow the queue list, and every agent's copy, without end.
 */
export const CHAT_QUEUE_LIMIT = 20;

/** Throws a readable Error if the agent list cannot work with HTTP Basic authentication. */
export function validateAgents(agents: readonly AgentCredential[]): void {
  const seen = new Set<string>();
  for (const { name, password } of agents) {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
      throw new Error(`Agent name '${name}' must be 1-64 letters, digits, '.', '_' or '-'.`);
    }
    if (password.length === 0) throw new Error(`Agent '${name}' needs a non-empty password.`);
    if (seen.has(name)) throw new Error(`Agent '${name}' is configured twice.`);
    seen.add(name);
  }
}

/**
 * Throws a readable Error for a queue name RequestChat could not use as `endpoint`
 * (1-100 characters, no surrounding spaces) or one given twice.
 */
export function validateQueues(queues: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of queues) {
    if (name.length === 0 || name.length > 100 || name.trim() !== name) {
      throw new Error(`Queue name '${name}' must be 1-100 characters without leading or trailing spaces.`);
    }
    if (seen.has(name)) throw new Error(`Queue '${name}' is configured twice.`);
    seen.add(name);
  }
}
