import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
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
  const t = useStaffT();
  const rows = value.urlMap;
  const setRows = (urlMap: PageName['urlMap']) => onChange({ ...value, urlMap });
  return (
    <section class="card" id="page-name" aria-labelledby="page-name-title">
      <h2 id="page-name-title">{t('options.section.pageName')}</h2>
      <p class="section-intro">{t('options.pageName.intro')}</p>
      <h3 class="sub">{t('options.pageName.step', { n: 1, title: t(PAGE_NAME_LABELS.urlMap) })}</h3>
      <p class="hint">{t('options.pageName.urlMapHint')}</p>
      {rows.length > 0 ? (
        <div class="kv-head" aria-hidden="true">
          <span>{t(PAGE_NAME_LABELS.pattern)}</span>
          <span>{t(PAGE_NAME_LABELS.name)}</span>
        </div>
      ) : null}
      {rows.map((row, k) => (
        <div class="kv-row" key={k} data-testid={`options-urlmap-${k}`}>
          <Field field={`pageName.urlMap.${k}.pattern`} label={t('options.pageName.rowPattern', { n: k + 1 })} hideLabel value={row.pattern}
            placeholder={t('options.pageName.patternPlaceholder')} testId={`options-urlmap-${k}-pattern`} onInput={(pattern) => setRows(replaceAt(rows, k, { ...row, pattern }))} />
          <Field field={`pageName.urlMap.${k}.name`} label={t('options.pageName.rowName', { n: k + 1 })} hideLabel value={row.name}
            placeholder={t('options.pageName.namePlaceholder')} testId={`options-urlmap-${k}-name`} onInput={(name) => setRows(replaceAt(rows, k, { ...row, name }))} />
          <button type="button" class="ghost danger small" onClick={() => setRows(removeAt(rows, k))} data-testid={`options-urlmap-${k}-remove`}
            aria-label={t('options.pageName.removeRow', { n: k + 1 })}>
            {t('options.pageName.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => setRows([...rows, { pattern: '', name: '' }])} data-testid="options-urlmap-add">
        {t('options.pageName.add')}
      </button>
      <h3 class="sub">{t('options.pageName.step', { n: 2, title: t('options.pageName.content') })}</h3>
      <Field field="pageName.selector" label={t(PAGE_NAME_LABELS.selector)} value={value.selector} class="medium"
        onInput={(selector) => onChange({ ...value, selector })} testId="options-pageName-selector" hint={t('options.pageName.selectorHint')} />
      <Checkbox field="pageName.useOgTitle" label={rich(t, 'options.pageName.ogTitle', { tag: <code>og:title</code> })} checked={value.useOgTitle}
        onChange={(useOgTitle) => onChange({ ...value, useOgTitle })} testId="options-pageName-ogTitle" />
      <p class="hint">{t('options.pageName.last')}</p>
    </section>
  );
}
