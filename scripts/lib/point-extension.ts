import type { BrowserContext } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';

interface StoredBackend {
  kind: string;
  url: string;
  contactCenterId?: string;
}
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Points the extension in this profile at the Sandbox just started, when its settings name
 * another URL or ContactCenterId (e.g. `npm start -- --port 7500`): the chat backend, and the
 * Sandbox CRM connector's URL (its CRM lives in the same server). Everything else the user
 * configured is kept. Returns true when something changed.
 */
export async function pointExtensionAt(context: BrowserContext, url: string, contactCenterId: string): Promise<boolean> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return false;
  return worker.evaluate(
    async ({ url, contactCenterId, defaults }) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage.local;
      type Stored = { version: number; backend: StoredBackend; crm?: { sandbox: { url: string } } };
      const current = ((await storage.get('settings')).settings ?? defaults) as Stored;
      const backend = current.backend;
      const same = backend.url === url && (backend.kind !== 'gws' || backend.contactCenterId === contactCenterId);
      // Version 2 settings predate CRM sync: they get its defaults (version 3) here, with this URL.
      const oldCrm = current.crm ?? (current.version === 2 ? (defaults as Stored).crm : undefined);
      if (same && (!oldCrm || (current.crm && oldCrm.sandbox.url === url))) return false;
      const next = backend.kind === 'gws' ? { ...backend, url, contactCenterId } : { ...backend, url };
      const crm = oldCrm ? { crm: { ...oldCrm, sandbox: { ...oldCrm.sandbox, url } }, version: Math.max(current.version, 3) } : {};
      await storage.set({ settings: { ...current, backend: next, ...crm } });
      return true;
    },
    { url, contactCenterId, defaults: DEFAULT_SETTINGS },
  );
}
