import { tabLangsItem, tabPagesItem } from '../protocol/storage';

/**
 * Each tab's current page, as its watcher last reported it: when it was entered (a chat that
 * ended before that stays off it) and its `<html lang>` (a demo profile may speak the page's
 * language). In memory once read; stored in the session area, so a restarted worker still knows.
 */
export class TabPages {
  private pages: Record<string, number> | undefined;
  private langs: Record<string, string> | undefined;

  /** The tab moved to a new page (or single-page-app route) at `at`, in language `lang`. */
  async entered(tabId: number, lang: string, at: number): Promise<void> {
    this.pages = { ...(await this.allPages()), [tabId]: at };
    await tabPagesItem.setValue(this.pages);
    const langs = await this.allLangs();
    if (langs[tabId] !== lang) {
      this.langs = { ...langs, [tabId]: lang };
      await tabLangsItem.setValue(this.langs);
    }
  }

  /** When the tab's current page was entered, if a watcher said. */
  async since(tabId: number): Promise<number | undefined> {
    return (await this.allPages())[tabId];
  }

  /** The `<html lang>` of the tab's page ('' when it has none or no watcher told). */
  async lang(tabId: number): Promise<string> {
    return (await this.allLangs())[tabId] ?? '';
  }

  /** Forgets a tab (closed, or its visitor reset). */
  async forget(tabId: number): Promise<void> {
    // Every tab that closes comes here: one no watcher ever reported writes nothing.
    if (!(tabId in (await this.allPages())) && !(tabId in (await this.allLangs()))) return;
    const { [tabId]: _page, ...pages } = await this.allPages();
    this.pages = pages;
    await tabPagesItem.setValue(pages);
    const { [tabId]: _lang, ...langs } = await this.allLangs();
    this.langs = langs;
    await tabLangsItem.setValue(langs);
  }

  private async allPages(): Promise<Record<string, number>> {
    return (this.pages ??= (await tabPagesItem.getValue()) ?? {});
  }

  private async allLangs(): Promise<Record<string, string>> {
    return (this.langs ??= (await tabLangsItem.getValue()) ?? {});
  }
}
