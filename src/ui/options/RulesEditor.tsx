import { useEffect, useState } from 'preact/hooks';
import { useStaffT } from '../i18n/staff';
import type { RuleDraft } from './draft';
import { ruleHasErrors, type FieldError } from './field-errors';
import { moveItem, newRuleDraft, removeAt, replaceAt } from './rule-drafts';
import { RuleEditor } from './RuleEditor';

/** Props of {@link RulesEditor}. */
export interface RulesEditorProps {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  /** The current validation errors: a rule with any stays expanded. */
  errors: readonly FieldError[];
}

/** The rule the page was opened for (`options.html#rule=<id>`: the context menu's new click rule). */
export function ruleInHash(hash: string): string | null {
  const m = /^#rule=([^&]+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/**
 * The rule list in priority order: add, remove, move up and down (buttons, so the order
 * can be changed from the keyboard), collapse. Focus follows each action so keyboard users
 * never lose their place. Opened at `#rule=<id>`, the page starts on that rule.
 */
export function RulesEditor({ rules, onChange, errors }: RulesEditorProps) {
  const t = useStaffT();
  // Collapsed rules by id (ids are unique and survive moves, unlike indexes).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // A CSS selector to focus once the change has rendered.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    document.querySelector<HTMLElement>(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);
  useEffect(() => {
    const i = rules.findIndex((r) => r.id === ruleInHash(location.hash));
    if (i >= 0) setFocusNext(`#rule-title-${i}`);
  }, []);

  const move = (i: number, delta: -1 | 1) => {
    const to = i + delta;
    onChange(moveItem(rules, i, delta));
    // Stay on the button just used, unless it is now disabled at the end of the list.
    const dir = delta < 0 ? (to === 0 ? 'down' : 'up') : to === rules.length - 1 ? 'up' : 'down';
    setFocusNext(`[data-testid="options-rule-${to}-move-${dir}"]`);
  };
  const remove = (i: number) => {
    onChange(removeAt(rules, i));
    setFocusNext(rules.length > 1 ? `#rule-title-${Math.min(i, rules.length - 2)}` : '[data-testid="options-add-rule"]');
  };
  const add = () => {
    onChange([...rules, newRuleDraft(rules, t)]);
    setFocusNext(`#f-rules-${rules.length}-name`);
  };
  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setCollapsed(next);
  };

  return (
    <section class="card" id="rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('options.section.rules')}</h2>
      <p class="section-intro">{t('options.rules.intro')}</p>
      {rules.length === 0 ? <p class="empty">{t('options.rules.empty')}</p> : null}
      <ol class="rules">
        {rules.map((rule, i) => (
          <li key={rule.id}>
            <RuleEditor
              rule={rule}
              index={i}
              count={rules.length}
              expanded={!collapsed.has(rule.id) || ruleHasErrors(errors, i)}
              onToggle={() => toggle(rule.id)}
              onChange={(next) => onChange(replaceAt(rules, i, next))}
              onMove={(delta) => move(i, delta)}
              onRemove={() => remove(i)}
            />
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={add} data-testid="options-add-rule" disabled={rules.length >= 100}>
        {t('options.rules.add')}
      </button>
    </section>
  );
}
