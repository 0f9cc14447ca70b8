/**
 * What zod cannot know about a script: whether the queue it serves and the queues and agents
 * its steps name exist in the running Sandbox. A script that names a queue nobody serves
 * would otherwise fail in the middle of a demo; here it fails when it is loaded.
 */
import type { Script, ScriptStep } from './script-schema.ts';

/** The running Sandbox, as far as a script's names go. */
export interface CheckContext {
  /** Known queues (configured, or named by a chat). */
  queues: readonly string[];
  /** Human agents a step may name (transfer, consult, conference). */
  agents: readonly string[];
}

/** A problem found by checkScript: the field (a zod-style path) and the sentence. */
export interface ScriptProblem {
  path: PropertyKey[];
  message: string;
}

/** Every name in `script` that the Sandbox does not know. */
export function checkScript(script: Script, context: CheckContext): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const queue = (path: PropertyKey[], name: string) => {
    if (!context.queues.includes(name)) problems.push({ path, message: `unknown queue '${name}'. Known queues: ${context.queues.join(', ')}` });
  };
  const agent = (path: PropertyKey[], name: string) => {
    if (!context.agents.includes(name)) problems.push({ path, message: `unknown agent '${name}'. Agents: ${context.agents.join(', ')}` });
  };
  const steps = (at: PropertyKey[], list: readonly ScriptStep[] | undefined) => list?.forEach((s, i) => {
    if (s.transfer?.queue !== undefined) {
      queue([...at, i, 'transfer', 'queue'], s.transfer.queue);
      if (s.transfer.queue === script.queue) problems.push({ path: [...at, i, 'transfer', 'queue'], message: 'is the queue this script serves: the chat would come straight back' });
    }
    if (s.transfer?.agent !== undefined) agent([...at, i, 'transfer', 'agent'], s.transfer.agent);
    if (s.consult !== undefined) agent([...at, i, 'consult'], s.consult);
    if (s.conference !== undefined) agent([...at, i, 'conference'], s.conference);
  });

  queue(['queue'], script.queue);
  steps(['greeting', 'then'], script.greeting?.then);
  script.replies.forEach((r, i) => steps(['replies', i, 'then'], r.then));
  steps(['fallback', 'then'], script.fallback?.then);
  return problems;
}
