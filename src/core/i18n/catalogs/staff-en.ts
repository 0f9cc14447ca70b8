/**
 * The staff-facing strings in English (the popup's own parts, the options page): the source
 * every staff catalog is typed against (`StaffKey`, staff.ts). Staff pages stay in English
 * for now; adding a language is one more file typed `StaffCatalog`, nothing else.
 *
 * One part per area, merged here; no key may be in two parts (test/unit/staff-catalog.test.tsx).
 *
 * Not here, and English whatever the catalog: messages written inside core's zod schemas and
 * checks (`'Profile name is required'`, `'Queue is required'`, a demo file's problems), text
 * the background writes (a CRM test's or Retry's reply, an outcome's reason, the rule
 * debugger's decision and failing conditions) and language names (each in its own language).
 * They are data from core and the background; a later step can key them too.
 */
import { staffEnOptionsChecks } from './staff-en-options-checks';
import { staffEnOptionsCrm } from './staff-en-options-crm';
import { staffEnOptionsCrmFields } from './staff-en-options-crm-fields';
import { staffEnOptionsData } from './staff-en-options-data';
import { staffEnOptionsFields } from './staff-en-options-fields';
import { staffEnOptionsLogs } from './staff-en-options-logs';
import { staffEnOptionsPage } from './staff-en-options-page';
import { staffEnOptionsRules } from './staff-en-options-rules';
import { staffEnOptionsSections } from './staff-en-options-sections';
import { staffEnOptionsSites } from './staff-en-options-sites';
import { staffEnPopup } from './staff-en-popup';

/** The parts by area, for the check that none repeats another's key. */
export const staffEnParts = {
  popup: staffEnPopup,
  'options-page': staffEnOptionsPage,
  'options-fields': staffEnOptionsFields,
  'options-crm-fields': staffEnOptionsCrmFields,
  'options-sections': staffEnOptionsSections,
  'options-rules': staffEnOptionsRules,
  'options-crm': staffEnOptionsCrm,
  'options-sites': staffEnOptionsSites,
  'options-data': staffEnOptionsData,
  'options-logs': staffEnOptionsLogs,
  'options-checks': staffEnOptionsChecks,
} as const;

export const staffEn = {
  ...staffEnPopup,
  ...staffEnOptionsPage,
  ...staffEnOptionsFields,
  ...staffEnOptionsCrmFields,
  ...staffEnOptionsSections,
  ...staffEnOptionsRules,
  ...staffEnOptionsCrm,
  ...staffEnOptionsSites,
  ...staffEnOptionsData,
  ...staffEnOptionsLogs,
  ...staffEnOptionsChecks,
} as const;
