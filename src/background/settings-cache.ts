import { settingsOrDefault, type Settings } from '../core/settings';
import { readSettings, settingsItem } from '../protocol/storage';

/**
 * The settings in memory: read and validated once when the worker starts, then kept current
 * by the storage change listener, so a chat's poll or a watcher report reads them without a
 * storage read or a zod parse. A change the options page saves lands here as it is stored.
 */
export class SettingsCache {
  private value: Settings | undefined;
  private readonly first: Promise<Settings>;
  private readonly listeners = new Set<(s: Settings) => void>();

  constructor() {
    // A change can arrive before the first read finishes: the newer value wins.
    this.first = readSettings().then((s) => (this.value ??= s));
    settingsItem.watch((stored) => {
      this.value = settingsOrDefault(stored);
      const current = this.value;
      this.listeners.forEach((l) => l(current));
    });
  }

  /** The current settings (from memory once the first read is done). */
  get(): Promise<Settings> {
    return this.value ? Promise.resolve(this.value) : this.first;
  }

  /** Called with the new settings after each change. */
  onChange(listener: (s: Settings) => void): void {
    this.listeners.add(listener);
  }
}
