/**
 * The staff-facing catalog family (popup rule debugger, options page): its keys and an English
 * translator. Pure. The same mechanism as the visitor's (translate.ts), English only for now.
 */
import { staffEn } from './catalogs/staff-en';
import { translator, type Catalog, type Translate } from './translate';

/** A key of the staff catalogs. */
export type StaffKey = keyof typeof staffEn;
/** A staff catalog in one language: every key English has, no other. */
export type StaffCatalog = Catalog<StaffKey>;
/** The staff strings in English. */
export const staffEnglish: Translate<StaffKey> = translator<StaffKey>(staffEn, 'en');
