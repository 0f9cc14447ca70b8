// @vitest-environment happy-dom
/**
 * Options components rendered into a DOM: ARIA wiring of fields and errors, the error
 * summary's links, rule editing and keyboard reordering with focus kept in place.
 */
import { render, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { BackendSection } from '../../src/ui/options/BackendSection';
import { toDraft, type BackendDraft, type RuleDraft } from '../../src/ui/options/draft';
import { ErrorSummary } from '../../src/ui/options/ErrorSummary';
import { ErrorsContext, Field } from '../../src/ui/options/Field';
import { newRuleDraft } from '../../src/ui/options/rule-drafts';
import { RuleEditor } from '../../src/ui/options/RuleEditor';
import { RulesEditor } from '../../src/ui/options/RulesEditor';

let root: HTMLElement;
const mount = async (vnode: ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
  return root;
};
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Field', () => {
  it('ties its label, hint and error to the control', async () => {
    await mount(
      <ErrorsContext.Provider value={new Map([['rules.0.queue', ['Queue is required']]])}>
        <Field field="rules.0.queue" label="Queue" value="" onInput={() => {}} hint="Where chats go." testId="q" />
        <Field field="rules.0.name" label="Rule name" value="x" onInput={() => {}} testId="n" />
      </ErrorsContext.Provider>,
    );
    const q = byTestId<HTMLInputElement>('q')!;
    expect(q.id).toBe('f-rules-0-queue');
    expect(root.querySelector(`label[for="${q.id}"]`)!.textContent).toBe('Queue');
    expect(q.getAttribute('aria-invalid')).toBe('true');
    expect(q.getAttribute('aria-describedby')).toBe('f-rules-0-queue-error f-rules-0-queue-hint');
    expect(document.getElementById('f-rules-0-queue-error')!.textContent).toBe('Queue is required');
    const n = byTestId('n')!;
    expect(n.hasAttribute('aria-invalid')).toBe(false);
    expect(n.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('BackendSection', () => {
  /** The section with its own state, as OptionsApp holds it; `seen` gets every change. */
  function Stateful({ seen }: { seen: (b: BackendDraft) => void }) {
    const [value, setValue] = useState(toDraft(DEFAULT_SETTINGS).backend);
    return <BackendSection value={value} onChange={(b) => { seen(b); setValue(b); }} />;
  }
  const choose = (el: HTMLSelectElement, value: string) =>
    act(() => {
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });

  it('offers a labelled Chat API select, and the service name instead of the ContactCenterId for GMS', async () => {
    const seen = vi.fn();
    await mount(<Stateful seen={seen} />);
    const kind = byTestId<HTMLSelectElement>('options-backendKind')!;
    expect(root.querySelector(`label[for="${kind.id}"]`)!.textContent).toBe('Chat API');
    expect([...kind.options].map((o) => [o.value, o.textContent])).toEqual([['gws', 'GWS Customer Chat API v2'], ['gms', 'GMS Chat API v2']]);
    expect(kind.value).toBe('gws');
    expect(byTestId('options-contactCenterId')).not.toBeNull();
    expect(byTestId('options-serviceName')).toBeNull();

    await choose(kind, 'gms');
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'gms' }));
    const service = byTestId<HTMLInputElement>('options-serviceName')!;
    expect(service.value).toBe('request-chat');
    expect(root.querySelector(`label[for="${service.id}"]`)!.textContent).toBe('Service name');
    expect(byTestId('options-contactCenterId')).toBeNull();
    expect(document.getElementById('f-backend-url-hint')!.textContent).toMatch(/\/genesys\/2\/chat\/\{service name\}/);
    await type(service, 'customer-support');
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'gms', serviceName: 'customer-support' }));
  });

  it("shows the service name's error at the field", async () => {
    const value: BackendDraft = { ...toDraft(DEFAULT_SETTINGS).backend, kind: 'gms', serviceName: 'a/b' };
    await mount(
      <ErrorsContext.Provider value={new Map([['backend.serviceName', ['Service name may use only letters']]])}>
        <BackendSection value={value} onChange={() => {}} />
      </ErrorsContext.Provider>,
    );
    const service = byTestId<HTMLInputElement>('options-serviceName')!;
    expect(service.getAttribute('aria-invalid')).toBe('true');
    expect(service.getAttribute('aria-describedby')).toBe('f-backend-serviceName-error f-backend-serviceName-hint');
  });
});

describe('ErrorSummary', () => {
  it('lists each error with the field label and focuses the field from its link', async () => {
    const draft = toDraft(DEFAULT_SETTINGS);
    await mount(
      <>
        <ErrorSummary draft={draft} errors={[{ field: 'rules.0.queue', message: 'Queue is required' }]} />
        <input id="f-rules-0-queue" />
      </>,
    );
    const link = byTestId('options-error-summary')!.querySelector('a')!;
    expect(link.textContent).toBe('Rule 1 “Billing help” › Queue: Queue is required');
    expect(link.getAttribute('href')).toBe('#f-rules-0-queue');
    await act(() => link.click());
    expect(document.activeElement?.id).toBe('f-rules-0-queue');
  });

  it('renders nothing without errors', async () => {
    await mount(<ErrorSummary draft={toDraft(DEFAULT_SETTINGS)} errors={[]} />);
    expect(byTestId('options-error-summary')).toBeNull();
  });
});

describe('RuleEditor', () => {
  const rule = toDraft(DEFAULT_SETTINGS).rules[0]!;
  const editor = (onChange: (r: RuleDraft) => void) => (
    <RuleEditor rule={rule} index={0} count={1} expanded onToggle={() => {}} onChange={onChange} onMove={() => {}} onRemove={() => {}} />
  );

  it('has the test ids the e2e suites use, each on a labelled control', async () => {
    await mount(editor(() => {}));
    for (const id of ['include', 'queue', 'offerText', 'ui-custom', 'autoDismiss', 'condition-0-min']) {
      const el = byTestId(`options-rule-0-${id}`);
      expect(el, id).not.toBeNull();
      expect(root.querySelector(`label[for="${el!.id}"]`), id).not.toBeNull();
    }
    expect(byTestId<HTMLInputElement>('options-rule-0-condition-0-min')!.value).toBe('10');
    expect(byTestId<HTMLTextAreaElement>('options-rule-0-include')!.value).toBe('**');
    expect(byTestId('options-rule-0-move-up')!.hasAttribute('disabled')).toBe(true);
  });

  it('reports edits: text, the custom UI radio, and conditions added and removed', async () => {
    const onChange = vi.fn();
    await mount(editor(onChange));
    await type(byTestId<HTMLInputElement>('options-rule-0-queue')!, 'Loans');
    expect(onChange).toHaveBeenLastCalledWith({ ...rule, queue: 'Loans' });
    await act(() => byTestId('options-rule-0-ui-custom')!.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...rule, ui: 'custom' });
    const kind = byTestId<HTMLSelectElement>('options-rule-0-new-condition-kind')!;
    await act(() => {
      kind.value = 'query';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => byTestId('options-rule-0-add-condition')!.click());
    expect(onChange.mock.lastCall![0].conditions).toEqual([...rule.conditions, { kind: 'query', param: '', test: 'present', equals: '' }]);
    await act(() => byTestId('options-rule-0-condition-0-remove')!.click());
    expect(onChange.mock.lastCall![0].conditions).toEqual([]);
  });
});

describe('RulesEditor', () => {
  function Harness() {
    const [rules, setRules] = useState(() => {
      const list = toDraft(DEFAULT_SETTINGS).rules;
      list.push(newRuleDraft(list));
      list.push(newRuleDraft(list));
      return list;
    });
    return <RulesEditor rules={rules} errors={[]} onChange={setRules} />;
  }
  const names = () => [...root.querySelectorAll('.rule-name')].map((n) => n.textContent);

  it('reorders with Move up / Move down and keeps focus on the moved rule', async () => {
    await mount(<Harness />);
    expect(names()).toEqual(['Billing help', 'Rule 2', 'Rule 3']);
    await act(() => byTestId('options-rule-0-move-down')!.click());
    expect(names()).toEqual(['Rule 2', 'Billing help', 'Rule 3']);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('options-rule-1-move-down');
    await act(() => (document.activeElement as HTMLElement).click());
    expect(names()).toEqual(['Rule 2', 'Rule 3', 'Billing help']);
    // At the bottom Move down is disabled, so focus moves to Move up.
    expect(document.activeElement?.getAttribute('data-testid')).toBe('options-rule-2-move-up');
  });

  it('adds a rule and focuses its name; removes one and focuses the next', async () => {
    await mount(<Harness />);
    await act(() => byTestId('options-add-rule')!.click());
    expect(names()).toHaveLength(4);
    expect(document.activeElement?.id).toBe('f-rules-3-name');
    await act(() => byTestId('options-rule-0-remove')!.click());
    expect(names()).toEqual(['Rule 2', 'Rule 3', 'Rule 4']);
    expect(document.activeElement?.id).toBe('rule-title-0');
  });

  it('collapses a rule with an aria-expanded toggle', async () => {
    await mount(<Harness />);
    const toggle = byTestId('options-rule-1-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await act(() => toggle.click());
    expect(byTestId('options-rule-1-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('options-rule-1-queue')).toBeNull();
  });
});
