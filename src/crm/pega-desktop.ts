import { PEGA_CS_METHODS, type PegaMethod } from '../protocol/pega';
import { CrmError, type CrmConnector } from './types';

/**
 * Calls `window.pega.CS.<method>(...args, callback)` in the Pega desktop tab and resolves
 * with the callback's data. Provided by the background (it finds the tab and injects the
 * bridge); throws CrmError (retryable when no desktop tab is open or it did not answer).
 */
export type PegaDesktopCall = (method: PegaMethod, args: unknown[], idempotencyKey: string) => Promise<unknown>;

/**
 * The interaction id in a callback's data. Pega does not document the shape (protocols.md
 * §7.1): accept the common spellings, or a bare string.
 */
export function interactionIdIn(data: unknown): string | undefined {
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const id = typeof data === 'string' ? data : (d.interactionId ?? d.InteractionId ?? d.InteractionID ?? d.pzInsKey ?? d.id);
  // The page answers: an id is kept and shown, so it must look like one.
  return typeof id === 'string' && id.trim() && id.trim().length <= 200 ? id.trim() : undefined;
}

/** Throws when a callback's data reports an error (`status: 'error'`, `error`, `errorMessage`). */
function checkReply(data: unknown, what: string): void {
  if (!data || typeof data !== 'object') return;
  const d = data as Record<string, unknown>;
  const failed = (typeof d.status === 'string' && /^(error|fail)/i.test(d.status)) || d.error !== undefined || d.errorMessage !== undefined;
  if (!failed) return;
  const detail = [d.message, d.errorMessage, d.error].find((v) => typeof v === 'string' && v) as string | undefined;
  // The desktop answered and said no: the same call will not pass by itself.
  throw new CrmError(`${what}: the Pega desktop answered with an error${detail ? ` — ${detail.slice(0, 300)}` : ''}`, false);
}

/**
 * The Pega Customer Service desktop as a CRM: the pega.CS JavaScript API (seed 000) called
 * in an open desktop tab. Pega has no call for offer outcomes, so the sync queue sends
 * none here (`recordsOutcomes: false` in the registry).
 */
export function createPegaDesktopCrm(call: PegaDesktopCall): CrmConnector {
  return {
    kind: 'pega',
    async startInteraction(req) {
      const data = await call('startInteraction', [req.interactionClass, req.flowName, req.params], req.idempotencyKey);
      checkReply(data, 'pega.CS.startInteraction');
      const interactionId = interactionIdIn(data);
      if (!interactionId) throw new CrmError('pega.CS.startInteraction called back without an interaction id', false);
      return { interactionId };
    },
    async switchInteraction(interactionId, idempotencyKey) {
      checkReply(await call('switchInteraction', [interactionId], idempotencyKey), 'pega.CS.switchInteraction');
    },
    async endInteraction(interactionId, idempotencyKey) {
      // pega.CS.endInteraction takes no transcript: the desktop keeps its own record of the chat.
      checkReply(await call('endInteraction', [interactionId], idempotencyKey), 'pega.CS.endInteraction');
    },
    async recordOutcome() {
      // Nothing to call: see recordsOutcomes in the registry.
    },
    async testConnection() {
      const found = (await call('probe', [], `probe-${Date.now()}-${Math.random()}`)) as Record<string, unknown> | null;
      const missing = PEGA_CS_METHODS.filter((m) => found?.[m] !== true);
      if (missing.length) throw new CrmError(`The Pega desktop tab has no window.pega.CS.${missing.join(', ')}: is it the Customer Service desktop, signed in?`, false);
      return 'The Pega desktop tab is open and offers pega.CS.startInteraction, switchInteraction and endInteraction.';
    },
  };
}
