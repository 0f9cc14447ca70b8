/**
 * What an agent in a chat can do besides writing: Transfer (to an agent or a queue), consult
 * another agent, and finish a consultation as a transfer or a conference. A consultant
 * sees none of this: it advises the agent who asked and cannot hand the chat on.
 */
import { useState } from 'preact/hooks';
import type { Interaction } from '../../engine/types.ts';

/** Props of ChatActions. */
export interface ChatActionsProps {
  interaction: Interaction;
  /** The signed-in agent's name. */
  me: string;
  /** Other agents (Transfer and consultation targets) and known queues. */
  agents: string[];
  queues: string[];
  run(body: Record<string, unknown>): Promise<boolean>;
}

/** Transfer / consult / complete controls for the chat pane. */
export function ChatActions({ interaction: i, me, agents, queues, run }: ChatActionsProps) {
  const others = agents.filter((a) => a !== me);
  const [target, setTarget] = useState('');
  const [consultee, setConsultee] = useState('');
  if (i.state !== 'Chatting' || i.role === 'Consultant') return null;
  const c = i.consultation;
  const mine = c?.startedBy === me;

  const transfer = (e: Event) => {
    e.preventDefault();
    const [kind, ...rest] = target.split(':');
    const name = rest.join(':');
    if (name) void run(kind === 'agent' ? { operationName: 'Transfer', agentId: name } : { operationName: 'Transfer', queueName: name });
  };
  const consult = (e: Event) => {
    e.preventDefault();
    if (consultee) void run({ operationName: 'StartChatConsultation', agentId: consultee });
  };

  return (
    <div class="actions" data-testid="chat-actions">
      {!c && (
        <form class="action" onSubmit={transfer}>
          <label for="transfer-target">Transfer to</label>
          <select id="transfer-target" data-testid="transfer-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">Choose…</option>
            <optgroup label="Agents">{others.map((a) => <option key={a} value={`agent:${a}`}>{a}</option>)}</optgroup>
            <optgroup label="Queues">{queues.map((q) => <option key={q} value={`queue:${q}`}>{q}</option>)}</optgroup>
          </select>
          <button type="submit" data-testid="transfer-button" disabled={!target}>Transfer</button>
        </form>
      )}
      {!c && (
        <form class="action" onSubmit={consult}>
          <label for="consult-agent">Consult</label>
          <select id="consult-agent" data-testid="consult-agent" value={consultee} onChange={(e) => setConsultee(e.currentTarget.value)}>
            <option value="">Choose an agent…</option>
            {others.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <button type="submit" data-testid="consult-button" disabled={!consultee}>Consult</button>
        </form>
      )}
      {c && (
        <div class="action" role="status" data-testid="consultation-status">
          {c.state === 'Invited' ? `Waiting for ${c.agent} to accept the consultation…` : `${c.agent} is consulting (agents only).`}
          {mine && c.state === 'Joined' && (
            <>
              <button type="button" data-testid="complete-transfer" onClick={() => void run({ operationName: 'CompleteTransfer' })}>
                Hand over to {c.agent}
              </button>
              <button type="button" data-testid="complete-conference" onClick={() => void run({ operationName: 'CompleteConference' })}>
                Bring {c.agent} into the chat
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
