/**
 * The CRM side of the selected chat: the Sandbox CRM interaction the extension started for it
 * (Pega's startInteraction: id, class, flow, params), its switches and whether it ended. It
 * fetches again whenever `revision` changes (a `CrmInteractionUpdated` event or a reconnect).
 * Everything is rendered as text: params come from the visited page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CrmInteraction } from '../../crm/types.ts';
import type { Credentials } from '../api.ts';
import { getCrmInteraction } from '../crm-api.ts';

/** Props of CrmPanel. */
export interface CrmPanelProps {
  chatId: string;
  creds: Credentials;
  /** Any value that changes when the CRM view should be read again. */
  revision: string;
}

// The params a CSR looks for first (Pega's own example); any others follow alphabetically.
const FIRST = ['ContactId', 'AccountNumber', 'ChatId'];
const order = (a: string, b: string) => {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
};
const time = (ms: number) => new Date(ms).toLocaleTimeString();
const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;

/** The CRM panel; `undefined` data means the first read has not answered yet. */
export function CrmPanel({ chatId, creds, revision }: CrmPanelProps) {
  const [crm, setCrm] = useState<CrmInteraction | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true; // a slower, older read must not overwrite a newer one
    getCrmInteraction(creds, chatId).then(
      (data) => {
        if (!current) return;
        setCrm(data);
        setError(null);
      },
      (err: unknown) => {
        if (current) setError((err as Error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [chatId, creds, revision]);

  const state = crm ? (crm.endedAt === undefined ? 'open' : 'ended') : 'none';
  return (
    <details class="context crm" open data-testid="crm-panel" data-state={state}>
      <summary>
        CRM interaction {crm && <span class="crm-id" data-testid="crm-interaction-id">{crm.interactionId}</span>}
      </summary>
      {error && crm === undefined && <p class="muted small">CRM unavailable: {error}</p>}
      {crm === null && <p class="muted small" data-testid="crm-none">No CRM interaction for this chat yet.</p>}
      {crm && (
        <dl>
          <div class="kv wide">
            <dt>Class / flow</dt>
            <dd data-testid="crm-class-flow">{crm.interactionClass} / {crm.flowName}</dd>
          </div>
          {Object.keys(crm.params).sort(order).map((k) => (
            <div key={k} class="kv" data-testid="crm-param" data-key={k}>
              <dt>{k}</dt>
              <dd>{crm.params[k]}</dd>
            </div>
          ))}
          <div class="kv">
            <dt>Switches</dt>
            <dd data-testid="crm-switches" data-count={crm.switches.length}>
              {crm.switches.length === 0 ? 'none' : `${crm.switches.length}, last at ${time(crm.switches.at(-1)!)}`}
            </dd>
          </div>
          <div class="kv wide">
            <dt>Status</dt>
            <dd data-testid="crm-status">
              {crm.endedAt === undefined
                ? `Open since ${time(crm.createdAt)}`
                : `Ended at ${time(crm.endedAt)} (transcript: ${lines(crm.transcript?.length ?? 0)})`}
            </dd>
          </div>
        </dl>
      )}
    </details>
  );
}
