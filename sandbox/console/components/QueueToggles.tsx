/**
 * Per-queue Ready/Not Ready switches: one toggle button per known queue. Buttons with
 * `aria-pressed` are reachable with Tab and switch with Enter or Space, and screen
 * readers announce them as toggles.
 */
import type { AgentState, QueueState } from '../../engine/types.ts';

/** Props of QueueToggles. */
export interface QueueTogglesProps {
  queues: QueueState[];
  onToggle(queue: string, next: AgentState): void;
}

/** The queue switches. */
export function QueueToggles({ queues, onToggle }: QueueTogglesProps) {
  if (queues.length === 0) return null;
  return (
    <fieldset class="queues" data-testid="queue-toggles">
      <legend>My queues</legend>
      <ul>
        {queues.map((q) => {
          const ready = q.state === 'Ready';
          return (
            <li key={q.name}>
              <button type="button" class={`queue-toggle ${ready ? 'is-ready' : ''}`} data-testid={`queue-toggle-${q.name}`}
                aria-pressed={ready} title={ready ? `Ready on ${q.name}: click to stop` : `Not Ready on ${q.name}: click to go Ready`}
                onClick={() => onToggle(q.name, ready ? 'NotReady' : 'Ready')}>
                <span class="dot" aria-hidden="true" />
                <span class="queue-name">{q.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
