import { Checkbox } from './Controls';
import type { Draft } from './draft';
import { Field } from './Field';
import { PAGE_NAME_LABELS } from './labels';
import { removeAt, replaceAt } from './rule-drafts';

type PageName = Draft['pageName'];

/** Props of {@link PageNameSection}. */
export interface PageNameSectionProps {
  value: PageName;
  onChange: (value: PageName) => void;
}

/**
 * Where the page name (`{pageName}`, and the page-name condition) comes from, tried in the
 * order shown: the URL map, the CSS selector, og:title, then the document title.
 */
export function PageNameSection({ value, onChange }: PageNameSectionProps) {
  const rows = value.urlMap;
  const setRows = (urlMap: PageName['urlMap']) => onChange({ ...value, urlMap });
  return (
    <section class="card" id="page-name" aria-labelledby="page-name-title">
      <h2 id="page-name-title">Page name</h2>
      <p class="section-intro">Sources are tried in this order; the first that gives a name wins. The document title is the last resort.</p>
      <h3 class="sub">1. {PAGE_NAME_LABELS.urlMap}</h3>
      <p class="hint">The first URL pattern (glob or /regex/) that matches names the page.</p>
      {rows.length > 0 ? (
        <div class="kv-head" aria-hidden="true">
          <span>{PAGE_NAME_LABELS.pattern}</span>
          <span>{PAGE_NAME_LABELS.name}</span>
        </div>
      ) : null}
      {rows.map((row, k) => (
        <div class="kv-row" key={k} data-testid={`options-urlmap-${k}`}>
          <Field field={`pageName.urlMap.${k}.pattern`} label={`URL-to-name row ${k + 1} URL pattern`} hideLabel value={row.pattern}
            placeholder="**/billing/**" testId={`options-urlmap-${k}-pattern`} onInput={(pattern) => setRows(replaceAt(rows, k, { ...row, pattern }))} />
          <Field field={`pageName.urlMap.${k}.name`} label={`URL-to-name row ${k + 1} page name`} hideLabel value={row.name}
            placeholder="Bill Payment" testId={`options-urlmap-${k}-name`} onInput={(name) => setRows(replaceAt(rows, k, { ...row, name }))} />
          <button type="button" class="ghost danger small" onClick={() => setRows(removeAt(rows, k))} data-testid={`options-urlmap-${k}-remove`}
            aria-label={`Remove URL-to-name row ${k + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => setRows([...rows, { pattern: '', name: '' }])} data-testid="options-urlmap-add">
        Add URL pattern
      </button>
      <h3 class="sub">2. Page content</h3>
      <Field field="pageName.selector" label={PAGE_NAME_LABELS.selector!} value={value.selector} class="medium"
        onInput={(selector) => onChange({ ...value, selector })} testId="options-pageName-selector"
        hint="The text of the first element matching this selector, e.g. h1 or .product-title. Leave empty to skip." />
      <Checkbox field="pageName.useOgTitle" label={<>Use the <code>og:title</code> meta tag</>} checked={value.useOgTitle}
        onChange={(useOgTitle) => onChange({ ...value, useOgTitle })} testId="options-pageName-ogTitle" />
      <p class="hint">3. Otherwise the document title, and for a page without one, the host name.</p>
    </section>
  );
}
