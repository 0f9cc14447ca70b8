import { browser } from 'wxt/browser';
import type { CrmSettings } from '../core/crm/settings';
import { hasConcreteHost, matchesPattern } from '../core/match-pattern';
import { installPegaBridge } from '../crm/pega-main-world';
import type { PegaDesktopCall } from '../crm/pega-desktop';
import { CrmError } from '../crm/types';
import { PEGA_CALL_TAG, PEGA_REPLY_TAG, type BackgroundToPegaRelay, type PegaRelayReply } from '../protocol/pega';

/** The relay's bundle (entrypoints/pega-bridge.ts), and its registration on the portal. */
const RELAY_FILE = '/pega-bridge.js';
const RELAY_ID = 'beckon-pega-relay';

/**
 * Registers the relay on the Pega portal while the Pega connector is chosen and its host is
 * granted, so each desktop page load announces itself (waiting events then go at once);
 * unregisters it otherwise. Tabs open before are reached by injection when needed.
 */
export async function syncPegaRelay(crm: CrmSettings): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [RELAY_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [RELAY_ID] });
  // Settings refuse a portal without one host; checked again because this registration reaches pages.
  if (crm.connector !== 'pega' || !hasConcreteHost(crm.pega.portal)) return;
  if (!(await browser.permissions.contains({ origins: [crm.pega.portal] }))) return;
  await browser.scripting.registerContentScripts([
    { id: RELAY_ID, matches: [crm.pega.portal], js: [RELAY_FILE as never], runAt: 'document_idle', persistAcrossSessions: false },
  ]);
}

/** The desktop tab the last call went to: calls stay there while it is open (its relay remembers them). */
let lastTabId: number | undefined;

/** The open tab of the Pega desktop: the one used before, else the one in front, else the one used last. */
export async function findPortalTab(portal: string): Promise<number | undefined> {
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.url && matchesPattern(portal, t.url));
  tabs.sort((a, b) => Number(b.id === lastTabId) - Number(a.id === lastTabId) || Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  lastTabId = tabs[0]?.id;
  return lastTabId;
}

const send = (tabId: number, msg: BackgroundToPegaRelay) => browser.tabs.sendMessage(tabId, msg) as Promise<unknown>;

/**
 * Makes sure this page load of the tab has the relay and the main-world bridge, sharing one
 * fresh nonce. The relay adopts the first nonce it is given and refuses later ones, so two
 * deliveries racing here still leave exactly one matching pair.
 */
async function ensureBridge(tabId: number, portal: string): Promise<void> {
  const nonce = crypto.randomUUID();
  let adopted = await send(tabId, { type: 'pega.init', nonce, portal }).catch(() => undefined);
  if (adopted === undefined) {
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [RELAY_FILE as never] });
    } catch (e) {
      throw new CrmError(`Beckon cannot reach the Pega desktop tab (${portal}): ${e instanceof Error ? e.message : String(e)}. Save the CRM settings again to grant access to it.`, false);
    }
    adopted = await send(tabId, { type: 'pega.init', nonce, portal }).catch(() => false);
  }
  if (adopted !== true) return; // this page load already has its pair
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] }, world: 'MAIN', func: installPegaBridge, args: [nonce, PEGA_CALL_TAG, PEGA_REPLY_TAG],
  });
}

const isReply = (r: unknown): r is PegaRelayReply =>
  typeof r === 'object' && r !== null && (('ok' in r && r.ok === true && 'data' in r) || ('ok' in r && r.ok === false && typeof (r as { error?: unknown }).error === 'string'));

/**
 * pega.CS calls in the Pega desktop tab matching `portal`. Nothing is open: a retryable
 * error, so the events wait for the desktop (and go out as soon as it loads: see index.ts).
 */
export function pegaDesktopCall(portal: string, timeoutMs: number): PegaDesktopCall {
  return async (method, args, key) => {
    const tabId = await findPortalTab(portal);
    if (tabId === undefined) throw new CrmError(`No Pega desktop tab is open: open ${portal} and sign in; CRM events wait until then.`, true);
    await ensureBridge(tabId, portal);
    let reply: unknown;
    try {
      reply = await send(tabId, { type: 'pega.call', key, method, args, timeoutMs, portal });
    } catch {
      throw new CrmError('The Pega desktop tab closed or reloaded during the call.', true);
    }
    if (!isReply(reply)) throw new CrmError('The Pega desktop tab gave no answer.', true);
    if (!reply.ok) throw new CrmError(reply.error, reply.retryable);
    return reply.data;
  };
}
