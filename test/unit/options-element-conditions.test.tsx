// @vitest-environment happy-dom
/**
 * The options page's element conditions: the two kinds in the rule editor with a labelled
 * selector field, errors at the field in words, an import refused at the selector's path,
 * and the page opened at `#rule=<id>` (the context menu's new rule) starting on that rule.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { clickRule } from '../../src/core/rules/element-rule';
import { conditionToDraft, ruleToDraft, toDraft, type RuleDraft } from '../../src/ui/options/draft';
import { ErrorsContext } from '../../src/ui/options/Field';
import { errorsByField } from '../../src/ui/options/field-errors';
import { fieldLabel } from '../../src/ui/options/field-labels';
import { fromDraft } from '../../src/ui/options/from-draft';
import { describeChanges } from '../../src/ui/options/changes';
import { exportJson } from '../../src/ui/options/export-settings';
import { parseImport } from '../../src/ui/options/import-settings';
import { newConditionDraft } from '../../src/ui/options/rule-drafts';
import { RuleEditor } from '../../src/ui/options/RuleEditor';
import { ruleInHash, RulesEditor } from '../../src/ui/options/RulesEditor';

let root: HTMLElement | undefined;
const mount = async (vnode: ComponentChild) => {
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  await act(() => render(vnode, el));
};
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root!.querySelector<T>(`[data-testid="${id}"]`);
afterEach(() => {
  if (root) {
    render(null, root);
    root.remove();
    root = undefined;
  }
  history.replaceState({}, '', '/');
});

const withConditions = (...conditions: RuleDraft['conditions']) => {
  const d = toDraft(DEFAULT_SETTINGS);
  d.rules[0]!.conditions = conditions;
  return d;
};

describe('element conditions in the draft', () => {
  it('new ones start empty and must be filled before a save, each error at its selector field', () => {
    const d = withConditions(newConditionDraft('elementVisible'), newConditionDraft('elementClicked'));
    const r = fromDraft(d, DEFAULT_SETTINGS.enabledSites);
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'rules.0.conditions.0.selector', message: 'CSS selector is required' },
      { field: 'rules.0.conditions.1.selector', message: 'CSS selector is required' },
    ]);
    expect(fieldLabel('rules.0.conditions.1.selector', d)).toBe('Rule 1 “Billing help” › Condition 2 › CSS selector');
  });

  it('a bad selector is refused in words; a good one is saved as typed, trimmed', () => {
    const bad = fromDraft(withConditions({ kind: 'elementClicked', selector: 'button[data-testid="x"' }), DEFAULT_SETTINGS.enabledSites);
    expect(bad.ok ? [] : bad.errors).toEqual([{ field: 'rules.0.conditions.0.selector', message: expect.stringMatching(/^Not a valid CSS selector: /) }]);
    const good = fromDraft(withConditions({ kind: 'elementClicked', selector: ' #apply ' }, { kind: 'elementVisible', selector: '.plans' }), DEFAULT_SETTINGS.enabledSites);
    expect(good.ok && good.settings.rules[0]!.conditions).toEqual([{ kind: 'elementClicked', selector: '#apply' }, { kind: 'elementVisible', selector: '.plans' }]);
  });

  it('round-trips through the draft, export and import; an import with a bad selector is refused at its path', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, rules: [clickRule(DEFAULT_SETTINGS.rules, '#apply', 'https://shop.example/'), ...DEFAULT_SETTINGS.rules] };
    expect(ruleToDraft(settings.rules[0]!).conditions).toEqual([conditionToDraft({ kind: 'elementClicked', selector: '#apply' })]);
    const again = fromDraft(toDraft(settings), settings.enabledSites);
    expect(again.ok && again.settings).toEqual(settings);
    expect(parseImport(exportJson(settings))).toMatchObject({ ok: true, settings });
    const tampered = JSON.parse(exportJson(settings));
    tampered.rules[0].conditions[0].selector = 'a::before';
    const r = parseImport(JSON.stringify(tampered));
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['rules.0.conditions.0.selector: CSS selector cannot use a pseudo-element (::before…): it matches no element']);
    expect(describeChanges(DEFAULT_SETTINGS, settings)).toEqual(['Rule “Click on #apply” added']);
  });
});

describe('the rule editor', () => {
  it('adds either kind from the list and edits its selector in a labelled field with a hint', async () => {
    const rule = toDraft(DEFAULT_SETTINGS).rules[0]!;
    const onChange = vi.fn();
    await mount(<RuleEditor rule={{ ...rule, conditions: [{ kind: 'elementClicked', selector: '#apply' }] }} index={0} count={1} expanded
      onToggle={() => {}} onChange={onChange} onMove={() => {}} onRemove={() => {}} />);
    const kinds = [...byTestId<HTMLSelectElement>('options-rule-0-new-condition-kind')!.options].map((o) => [o.value, o.textContent]);
    expect(kinds).toContainEqual(['elementVisible', 'Element seen on screen']);
    expect(kinds).toContainEqual(['elementClicked', 'Element clicked']);
    expect(byTestId('options-rule-0-condition-0')!.textContent).toContain('Condition 1: Element clicked');
    const field = byTestId<HTMLInputElement>('options-rule-0-condition-0-selector')!;
    expect(field.value).toBe('#apply');
    expect(root!.querySelector(`label[for="${field.id}"]`)!.textContent).toContain('CSS selector');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toMatch(/Offer a chat when this is clicked/);
    await act(() => {
      field.value = '#apply-now';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange.mock.lastCall![0].conditions).toEqual([{ kind: 'elementClicked', selector: '#apply-now' }]);
    const kind = byTestId<HTMLSelectElement>('options-rule-0-new-condition-kind')!;
    await act(() => {
      kind.value = 'elementVisible';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => byTestId('options-rule-0-add-condition')!.click());
    expect(onChange.mock.lastCall![0].conditions.at(-1)).toEqual({ kind: 'elementVisible', selector: '' });
  });

  it('shows a selector error at its field', async () => {
    const rule = toDraft(DEFAULT_SETTINGS).rules[0]!;
    const errors = errorsByField([{ field: 'rules.0.conditions.0.selector', message: 'CSS selector cannot contain "{"' }]);
    await mount(
      <ErrorsContext.Provider value={errors}>
        <RuleEditor rule={{ ...rule, conditions: [{ kind: 'elementVisible', selector: 'a{}' }] }} index={0} count={1} expanded
          onToggle={() => {}} onChange={() => {}} onMove={() => {}} onRemove={() => {}} />
      </ErrorsContext.Provider>,
    );
    const field = byTestId<HTMLInputElement>('options-rule-0-condition-0-selector')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toContain('CSS selector cannot contain "{"');
  });
});

describe('opened for a rule (the context menu)', () => {
  it('reads the rule id from the address', () => {
    expect(ruleInHash('#rule=click-2')).toBe('click-2');
    expect(ruleInHash('#rule=a%20b')).toBe('a b');
    expect(ruleInHash('#rule=%E0%A4%A')).toBeNull();
    expect(ruleInHash('#rules')).toBeNull();
    expect(ruleInHash('')).toBeNull();
  });

  it('starts on that rule: expanded, its heading focused', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, rules: [...DEFAULT_SETTINGS.rules, clickRule(DEFAULT_SETTINGS.rules, '#apply', 'https://shop.example/')] };
    history.replaceState({}, '', '/options.html#rule=click-1');
    await mount(<RulesEditor rules={toDraft(settings).rules} errors={[]} onChange={() => {}} />);
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(document.activeElement?.id).toBe('rule-title-1');
    expect(byTestId('options-rule-1-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(byTestId<HTMLInputElement>('options-rule-1-condition-0-selector')!.value).toBe('#apply');
  });
});
