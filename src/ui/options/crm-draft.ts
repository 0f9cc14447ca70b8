/**
 * The CRM part of the options form, held as the user types it (the timeout as text, header
 * rows as rows), and the candidate `CrmSettings` it describes. `checkCrm` (from-draft.ts)
 * validates it on its own, for Test connection. Imports no other draft module: `draft.ts`
 * and `field-errors.ts` build on it.
 */
import type { CrmSettings } from '../../core/crm/settings';
import { parseNumber } from './parse-text';

/** One webhook header row. */
export interface HeaderRow {
  name: string;
  value: string;
}

/**
 * The CRM settings being edited. Every connector's fields are kept, whichever is chosen,
 * so switching back and forth loses nothing typed (the settings keep them all too).
 */
export interface CrmDraft {
  connector: CrmSettings['connector'];
  interactionClass: string;
  flowName: string;
  persona: { contactId: string; accountNumber: string; name: string };
  recordOutcomes: boolean;
  sandbox: { url: string; token: string };
  pega: { portal: string; timeoutSeconds: string };
  webhook: { url: string; headers: HeaderRow[]; secret: string };
}

/** The draft of CRM settings. */
export function crmToDraft(c: CrmSettings): CrmDraft {
  return {
    ...c,
    persona: { ...c.persona },
    sandbox: { ...c.sandbox },
    pega: { portal: c.pega.portal, timeoutSeconds: String(c.pega.timeoutSeconds) },
    webhook: { url: c.webhook.url, headers: c.webhook.headers.map((h) => ({ ...h })), secret: c.webhook.secret },
  };
}

// Rows left entirely blank are ignored rather than reported: an unused "Add header" is harmless.
const isBlank = (h: HeaderRow) => h.name.trim() === '' && h.value === '';

/** The draft row of the `index`-th header the settings get (blank rows are skipped). */
export function headerRowOf(rows: readonly HeaderRow[], index: number): number {
  let seen = -1;
  for (let k = 0; k < rows.length; k++) if (!isBlank(rows[k]!) && ++seen === index) return k;
  return index;
}

/** The CRM settings candidate the draft describes, before validation. */
export function crmCandidate(c: CrmDraft): unknown {
  return {
    ...c,
    persona: { ...c.persona },
    sandbox: { ...c.sandbox },
    pega: { portal: c.pega.portal, timeoutSeconds: parseNumber(c.pega.timeoutSeconds) },
    webhook: { url: c.webhook.url, headers: c.webhook.headers.filter((h) => !isBlank(h)).map((h) => ({ ...h })), secret: c.webhook.secret },
  };
}
