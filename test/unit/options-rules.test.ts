import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../src/core/rules/rule-schema';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { toDraft } from '../../src/ui/options/draft';
import { fromDraft } from '../../src/ui/options/from-draft';
import { moveItem, newConditionDraft, newRuleDraft, removeAt, replaceAt, uniqueRuleId } from '../../src/ui/options/rule-drafts';

describe('rule list edits', () => {
  it('moves an item up and down, and refuses moves off either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, -1)).toEqual(['a', 'b', 'c']);
  });

  it('does not mutate the list it is given', () => {
    const list = ['a', 'b'];
    moveItem(list, 0, 1);
    replaceAt(list, 0, 'z');
    removeAt(list, 0);
    expect(list).toEqual(['a', 'b']);
    expect(replaceAt(list, 1, 'z')).toEqual(['a', 'z']);
    expect(removeAt(list, 0)).toEqual(['b']);
  });

  it('gives new rules ids that are not taken', () => {
    expect(uniqueRuleId([])).toBe('rule-1');
    expect(uniqueRuleId(['default'])).toBe('rule-2');
    expect(uniqueRuleId(['default', 'rule-2', 'rule-3'])).toBe('rule-4');
    expect(uniqueRuleId(['rule-2', 'x'])).toBe('rule-3');
  });

  it('makes new rules that validate as they are, with the Pega metadata', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    for (let n = 0; n < 3; n++) d.rules.push(newRuleDraft(d.rules));
    expect(d.rules.map((r) => r.name)).toEqual(['Billing help', 'Rule 2', 'Rule 3', 'Rule 4']);
    expect(new Set(d.rules.map((r) => r.id)).size).toBe(4);
    const r = fromDraft(d, DEFAULT_SETTINGS.enabledSites);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const added = r.settings.rules[1]!;
    expect(RuleSchema.parse(added)).toEqual(added);
    expect(added).toMatchObject({ enabled: true, include: ['**'], ui: 'default', unknownAvailability: 'allow', autoDismissSeconds: 0 });
    expect(added.metadata).toEqual({ 'Page Name': '{pageName}', 'Time spent on page': '{timeOnPage}', URL: '{url}' });
    expect(added.conditions).toEqual([{ kind: 'signal', signal: 'visibleSeconds', min: 10 }]);
  });

  it('makes a new condition of each kind; only empty text fields stop a save', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.rules[0]!.conditions = (['pageName', 'referrer', 'query', 'signal', 'exitIntent'] as const).map(newConditionDraft);
    const r = fromDraft(d, DEFAULT_SETTINGS.enabledSites);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['rules.0.conditions.0.pattern', 'rules.0.conditions.1.pattern', 'rules.0.conditions.2.param']);
  });
});
