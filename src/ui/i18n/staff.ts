/**
 * The staff-facing strings in Preact (popup rule debugger, CRM line, options page): `useStaffT()`
 * gives the translator of the staff catalog family (src/core/i18n/staff.ts). English for now; a
 * page that gets a language later wraps itself in `<StaffLanguage.Provider value={translator(…)}>`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';

/** The staff translator in effect (English unless a provider says otherwise). */
export const StaffLanguage = createContext<Translate<StaffKey>>(staffEnglish);

/** The staff translator: `t('debug.title')`, `t('debug.waiting', { seconds: 3 })`. */
export const useStaffT = (): Translate<StaffKey> => useContext(StaffLanguage);
