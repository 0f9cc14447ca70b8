import { CRM_CONNECTOR_INFO } from '../../core/crm/settings';
import type { CrmChatStatus } from '../../protocol/ports';

/** What the popup says about a chat's CRM interaction, in one sentence. */
export function crmStatusText(crm: CrmChatStatus): string {
  const where = (CRM_CONNECTOR_INFO as Record<string, { shortLabel: string } | undefined>)[crm.connector]?.shortLabel ?? crm.connector;
  const id = crm.interactionId ? `Interaction ${crm.interactionId}` : 'Interaction';
  switch (crm.state) {
    case 'off':
      return 'Not synced to a CRM.';
    case 'synced':
      return `${id} in the ${where}: up to date.`;
    case 'pending':
      if (crm.error) return `${id}: the ${where} is not answering (${crm.error}); retrying.`;
      return crm.interactionId ? `${id}: syncing with the ${where}…` : `Starting the interaction in the ${where}…`;
    case 'failed':
      return `${id}: the ${where} refused an update (${crm.error ?? 'unknown error'}). Retry it from the CRM sync log in Settings.`;
  }
}

/** One line under the popup's chat: the CRM interaction id and its sync state. */
export function CrmStatusLine({ crm }: { crm: CrmChatStatus }) {
  return (
    <p class={`bk-crm bk-crm-${crm.state}`} data-testid="popup-crm" data-state={crm.state} data-interaction-id={crm.interactionId ?? ''}>
      <span class="bk-crm-label">CRM</span> {crmStatusText(crm)}
    </p>
  );
}
