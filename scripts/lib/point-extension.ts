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
 * another URL or ContactCenterId (e.g. `npm start -- --port 7500`). Everything else the
 * user configured is kept. Returns true when something changed.
 */
export async function pointExtensionAt(context: BrowserContext, url: string, contactCenterId: string): Promise<boolean> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return false;
  return worker.evaluate(
    async ({ url, contactCenterId, defaults }) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage.local;
      const current = ((await storage.get('settings')).settings ?? defaults) as { backend: StoredBackend };
      const backend = current.backend;
      const same = backend.url === url && (backend.kind !== 'gws' || backend.contactCenterId === contactCenterId);
      if (same) return false;
      const next = backend.kind === 'gws' ? { ...backend, url, contactCenterId } : { ...backend, url };
      await storage.set({ settings: { ...current, backend: next } });
      return true;
    },
    { url, contactCenterId, defaults: DEFAULT_SETTINGS },
  );
}
