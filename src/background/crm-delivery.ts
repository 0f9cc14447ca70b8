import type { CrmSettings } from '../core/crm/settings';
import { holdEvent, interactionIdOf, markAttemptFailed, markDelivered, type CrmEvent } from '../core/crm/sync-queue';
import { CrmError, type CrmConnector, type CrmOutcome, type CrmTranscriptLine } from '../crm/types';

type Apply = (queue: CrmEvent[]) => CrmEvent[];

/**
 * Delivers one CRM event through its connector and says how the queue changes: delivered
 * (with the interaction id a start got), or failed, retried later when retrying can help.
 * `queue` is read only for the interaction id of the event's chat.
 */
export async function deliverCrmEvent(
  event: CrmEvent, connector: CrmConnector | undefined, queue: readonly CrmEvent[], now: () => number, random: () => number,
): Promise<Apply> {
  const failed = (message: string, retryable: boolean): Apply => (q) => markAttemptFailed(q, event.id, message, retryable, now(), random);
  if (!connector) return failed(`The ${event.connector} CRM connector is not available in this version of Beckon.`, false);
  try {
    if (event.kind === 'start') {
      const p = event.payload as { interactionClass: string; flowName: string; params: Record<string, string> };
      const { interactionId } = await connector.startInteraction({ idempotencyKey: event.id, interactionClass: p.interactionClass, flowName: p.flowName, params: p.params });
      return (q) => markDelivered(q, event.id, interactionId);
    }
    if (event.kind === 'outcome') {
      await connector.recordOutcome(event.payload as unknown as CrmOutcome, event.id);
      return (q) => markDelivered(q, event.id);
    }
    // A chat's events go out in order, so its start has been delivered by now.
    const interactionId = interactionIdOf(queue, event.chatKey);
    if (!interactionId) return failed('The interaction of this chat was never started in the CRM.', false);
    if (event.kind === 'switch') await connector.switchInteraction(interactionId, event.id);
    else await connector.endInteraction(interactionId, event.id, (event.payload.transcript ?? []) as CrmTranscriptLine[]);
    return (q) => markDelivered(q, event.id);
  } catch (e) {
    const error = e instanceof CrmError ? e : new CrmError(e instanceof Error ? e.message : String(e), true);
    return failed(error.message, error.retryable);
  }
}

/** While CRM sync is off: the event waits (an hour, or until sync is turned on again). */
export function holdWhileOff(event: CrmEvent, now: () => number): Apply {
  return (q) => holdEvent(q, event.id, 'CRM sync is off: kept until a connector is chosen again.', now() + 3_600_000);
}

/** The options page's "Test connection": what was checked, or why it failed, in words. */
export async function testCrmConnection(
  crm: CrmSettings, connectorFor: (kind: string, crm: CrmSettings) => CrmConnector | undefined,
): Promise<{ ok: boolean; message: string }> {
  const connector = connectorFor(crm.connector, crm);
  if (!connector) return { ok: false, message: 'CRM sync is off: choose a connector first.' };
  try {
    return { ok: true, message: await connector.testConnection() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
