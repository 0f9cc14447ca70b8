import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { CrmChatStatus } from '../../protocol/ports';
import { useStaffT } from '../i18n/staff';

/** What the popup says about a chat's CRM interaction, in one sentence (staff-facing; English unless told). */
export function crmStatusText(crm: CrmChatStatus, t: Translate<StaffKey> = staffEnglish): string {
  // The connector's short name (core's CRM_CONNECTOR_INFO shortLabel); one this version does not know, as it is.
  const whereKey = `crm.where.${crm.connector}`;
  const where = t.has(whereKey) ? t(whereKey) : crm.connector;
  const interaction = crm.interactionId ? t('crm.interactionId', { id: crm.interactionId }) : t('crm.interaction');
  switch (crm.state) {
    case 'off':
      return t('crm.off');
    case 'synced':
      return t('crm.synced', { interaction, where });
    case 'pending':
      if (crm.error) return t('crm.notAnswering', { interaction, where, error: crm.error });
      return crm.interactionId ? t('crm.syncing', { interaction, where }) : t('crm.starting', { where });
    case 'failed':
      return t('crm.failed', { interaction, where, error: crm.error ?? t('crm.unknownError') });
  }
}

/** One line under the popup's chat: the CRM interaction id and its sync state. */
export function CrmStatusLine({ crm }: { crm: CrmChatStatus }) {
  const t = useStaffT();
  return (
    <p class={`bk-crm bk-crm-${crm.state}`} data-testid="popup-crm" data-state={crm.state} data-interaction-id={crm.interactionId ?? ''}>
      <span class="bk-crm-label">{t('crm.label')}</span> {crmStatusText(crm, t)}
    </p>
  );
}
