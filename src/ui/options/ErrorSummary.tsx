import type { Ref } from 'preact';
import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import type { Draft } from './draft';
import { domId, type FieldError } from './field-errors';
import { fieldLabel } from './field-labels';

const FOCUSABLE = 'input, select, textarea, button, a[href]';

/**
 * Moves focus to a field's control and scrolls it into view. A group (a radio fieldset, a
 * row) focuses its first control; the page's own fragment navigation would only scroll.
 */
export function focusField(field: string, doc: Document = document): boolean {
  const el = doc.getElementById(domId(field));
  if (!el) return false;
  const target = el.matches(FOCUSABLE) ? el : (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>(FOCUSABLE) ?? el);
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  errors: readonly FieldError[];
  draft: Draft;
  /** Receives the summary element: the page focuses it after a refused save. */
  summaryRef?: Ref<HTMLDivElement>;
}

/**
 * Every problem that stops saving, at the top of the page, each a link that focuses its
 * field (the GOV.UK error-summary pattern: announced, focusable, one link per error).
 */
export function ErrorSummary({ errors, draft, summaryRef }: ErrorSummaryProps) {
  const t = useStaffT();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title" data-testid="options-error-summary">
      <h2 id="error-summary-title">
        {t('options.summary.title', { n: errors.length })}
      </h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            <a
              href={`#${domId(e.field)}`}
              onClick={(ev) => {
                if (focusField(e.field)) ev.preventDefault();
              }}
            >
              {rich(t, 'options.summary.item', { field: <span class="error-field">{fieldLabel(e.field, draft, t)}</span> }, { message: e.message })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
