/**
 * The console's read of the Sandbox CRM: the interaction of one chat, through the agent API
 * (same origin, agent Basic auth), never the bearer-token CRM API the extension uses.
 */
import type { CrmInteraction } from '../crm/types.ts';
import { call, type Credentials } from './api.ts';

/** GET /api/v2/me/interactions/{id}/crm: the chat's latest CRM interaction, or null if none yet. */
export const getCrmInteraction = (creds: Credentials, chatId: string) =>
  call<{ crm: CrmInteraction | null }>(creds, 'GET', `/api/v2/me/interactions/${encodeURIComponent(chatId)}/crm`).then((r) => r.crm);
