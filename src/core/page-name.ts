import type { PageNameSources } from './settings';
import { matchesPattern } from './rules/patterns';

/** What the watcher saw that can name a page. */
export interface PageNameInputs {
  url: string;
  title: string;
  ogTitle: string;
  selectorText: string;
}

/**
 * Names a page from the configured sources, in order: the URL-to-name map, the CSS
 * selector's text, `og:title`, the document title, and finally the host name.
 */
export function resolvePageName(sources: PageNameSources, page: PageNameInputs): string {
  const mapped = sources.urlMap.find((m) => matchesPattern(m.pattern, page.url));
  if (mapped) return mapped.name;
  if (sources.selector && page.selectorText) return page.selectorText;
  if (sources.useOgTitle && page.ogTitle) return page.ogTitle;
  if (page.title) return page.title;
  try {
    return new URL(page.url).hostname;
  } catch {
    return page.url;
  }
}
