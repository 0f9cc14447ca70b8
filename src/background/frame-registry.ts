import { serial } from '../core/serial';
import { frameSecretsItem, type TabFrames } from '../protocol/storage';

/** Secrets kept per tab: the current document's host, and a few earlier ones (back/forward cache). */
const SECRETS_PER_TAB = 4;

/**
 * Which in-page UI frames are Beckon's own. A host script registers its document's secret
 * (from the tab's top frame, which only our content scripts can message from); a frame is
 * served a tab's chat only when it presents one of that tab's secrets. A page that embeds
 * the frame itself has no secret and gets nothing. Also remembers tabs whose page pushed the
 * UI out, so the popup and the badge can say the chat continues there.
 */
export class FrameRegistry {
  private tabs = new Map<number, TabFrames>();
  private readonly writes = serial();
  private readonly loaded: Promise<void>;

  constructor() {
    // Secrets outlive a stopped worker: a frame reconnecting to a new worker presents the same one.
    this.loaded = frameSecretsItem.getValue().then((stored) => {
      for (const [tab, frames] of Object.entries(stored ?? {})) this.tabs.set(Number(tab), frames);
    });
  }

  /** A host's document in `tabId` (re)starts: its frames will present `secret`. */
  async register(tabId: number, secret: string): Promise<void> {
    await this.loaded;
    const secrets = (this.tabs.get(tabId)?.secrets ?? []).filter((s) => s !== secret);
    // A new document: whatever the previous one's page did is forgotten.
    this.tabs.set(tabId, { secrets: [secret, ...secrets].slice(0, SECRETS_PER_TAB) });
    await this.save();
  }

  /** True when `secret` belongs to a host of `tabId`. */
  async isOwn(tabId: number, secret: string): Promise<boolean> {
    await this.loaded;
    return this.tabs.get(tabId)?.secrets.includes(secret) === true;
  }

  /** The page in `tabId` won against the host: the chat continues in the popup. */
  async evict(tabId: number, reason: string): Promise<void> {
    await this.loaded;
    this.tabs.set(tabId, { secrets: this.tabs.get(tabId)?.secrets ?? [], evicted: reason });
    await this.save();
  }

  /** Why the page in `tabId` pushed the UI out, if it did. */
  async evictedIn(tabId: number): Promise<string | undefined> {
    await this.loaded;
    return this.tabs.get(tabId)?.evicted;
  }

  /** Forgets a closed tab. */
  async forget(tabId: number): Promise<void> {
    await this.loaded;
    if (this.tabs.delete(tabId)) await this.save();
  }

  private save(): Promise<void> {
    const snapshot = Object.fromEntries(this.tabs);
    return this.writes.run(() => frameSecretsItem.setValue(snapshot));
  }
}
