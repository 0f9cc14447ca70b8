/** The console header: connection status, Ready/Not Ready toggle, agent name, sign out. */
import type { AgentState, QueueState } from '../../engine/types.ts';

/** Props of TopBar. */
export interface TopBarProps {
  name: string;
  agentState: AgentState;
  queues: QueueState[];
  status: 'connecting' | 'live' | 'offline';
  onToggle(next: AgentState): void;
  onSignOut(): void;
}

const STATUS_TEXT = { connecting: 'Connecting…', live: 'Live', offline: 'Reconnecting…' } as const;

/** The top bar. The main toggle switches every queue at once; QueueToggles switch one. */
export function TopBar({ name, agentState, queues, status, onToggle, onSignOut }: TopBarProps) {
  const ready = agentState === 'Ready';
  const readyOn = queues.filter((q) => q.state === 'Ready').length;
  // "Ready (1/3)" tells the agent at a glance that some queues are switched off.
  const partial = ready && readyOn < queues.length ? ` (${readyOn}/${queues.length})` : '';
  return (
    <header class="topbar">
      <div class="title">
        <strong>Beckon Sandbox</strong>
        <span class="muted">Agent console</span>
      </div>
      <span class={`conn conn-${status}`} role="status" data-testid="connection-status">
        {STATUS_TEXT[status]}
      </span>
      <button type="button" class={`ready-toggle ${ready ? 'is-ready' : ''}`} data-testid="ready-toggle"
        aria-pressed={ready} onClick={() => onToggle(ready ? 'NotReady' : 'Ready')}>
        <span class="dot" aria-hidden="true" />
        {ready ? `Ready${partial}` : 'Not Ready'}
      </button>
      <span class="agent-name" data-testid="agent-name">{name}</span>
      <button type="button" class="link" data-testid="sign-out" onClick={onSignOut}>Sign out</button>
    </header>
  );
}
