/**
 * The visitor catalogs as the build packs them: one JSON file per language
 * (`catalogAsset(lang)`, e.g. `/i18n/visitor-de.json`), fetched by the in-page UI and the popup
 * when a tab speaks that language (src/ui/i18n/load.ts). The typed catalogs in
 * src/core/i18n/catalogs stay the source; JSON keeps the UIs free of a dynamic-import loader.
 */
import { visitorAr } from '../src/core/i18n/catalogs/visitor-ar';
import { visitorDe } from '../src/core/i18n/catalogs/visitor-de';
import { visitorEn } from '../src/core/i18n/catalogs/visitor-en';
import { visitorEs } from '../src/core/i18n/catalogs/visitor-es';
import { visitorFr } from '../src/core/i18n/catalogs/visitor-fr';
import { visitorIt } from '../src/core/i18n/catalogs/visitor-it';
import { visitorNl } from '../src/core/i18n/catalogs/visitor-nl';
import { visitorPt } from '../src/core/i18n/catalogs/visitor-pt';
import { catalogAsset, type VisitorCatalog } from '../src/core/i18n/visitor';
import type { Language } from '../src/core/profiles/languages';

/** Every visitor catalog, by language. */
export const VISITOR_CATALOGS: Record<Language, VisitorCatalog> = {
  en: visitorEn, de: visitorDe, fr: visitorFr, es: visitorEs, nl: visitorNl, pt: visitorPt, it: visitorIt, ar: visitorAr,
};

/** The files to pack: path in the build (no leading slash) and JSON contents. */
export function catalogAssets(): { relativeDest: string; contents: string }[] {
  return Object.entries(VISITOR_CATALOGS).map(([lang, catalog]) => ({ relativeDest: catalogAsset(lang).slice(1), contents: JSON.stringify(catalog) }));
}
