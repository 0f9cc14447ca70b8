/** The autopilot's pure parts: which reply answers a message, placeholders, typing time. */
import { describe, expect, it } from 'vitest';
import { chooseReply, compileReplies, keywordPattern } from '../../sandbox/autopilot/matching.ts';
import { fillPlaceholders, missingPlaceholders } from '../../sandbox/autopilot/placeholders.ts';
import { parseScript } from '../../sandbox/autopilot/script-parse.ts';
import type { Script } from '../../sandbox/autopilot/script-schema.ts';
import { DEFAULT_TYPING, typingDelayMs } from '../../sandbox/autopilot/typing-delay.ts';

function script(replies: string): Script {
  const r = parseScript(`queue: Billing\naccept: {nickname: A}\nreplies:\n${replies}\nfallback: {say: fallback}\n`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.script;
}

/** The first message of the reply chosen for `text` ('fallback' for the fallback, null for none). */
function answer(s: Script, text: string): string | null {
  const c = chooseReply(compileReplies(s.replies), s, text);
  return c === null ? null : c.kind === 'fallback' ? 'fallback' : c.reply.say![0]!;
}

describe('chooseReply', () => {
  const s = script([
    '  - { keywords: [late fee, refund*], say: fees }',
    '  - { keywords: [café], say: cafe }',
    '  - { match: "\\\\b(dispute|wrong)\\\\b", say: dispute }',
    '  - { match: "^ID-\\\\d+$", caseSensitive: true, say: id }',
    '  - { keywords: [Bill], caseSensitive: true, say: bill }',
  ].join('\n'));

  it.each([
    ['Is there a LATE FEE?', 'fees'],
    ['a late\n  fee again', 'fees'], // any whitespace between the words of a phrase
    ['I want my refunds', 'fees'], // refund* takes longer words
    ['Coffee at the café?', 'cafe'],
    ['the amount is WRONG', 'dispute'],
    ['ID-42', 'id'],
    ['Bill me', 'bill'],
  ])('%j → %s', (text, expected) => expect(answer(s, text)).toBe(expected));

  it.each([
    ['lateness fees'], // no whole phrase
    ['ultralate fee'], // not at a word start
    ['cafés'], // a keyword without * is a whole word
    ['wrongly'], // the script's own \b
    ['id-42'], // caseSensitive
    ['bill me'], // caseSensitive keyword
  ])('%j falls back', (text) => expect(answer(s, text)).toBe('fallback'));

  it('takes the first matching reply in script order', () => {
    const twice = script('  - { keywords: [fee], say: first }\n  - { keywords: [fee], say: second }');
    expect(answer(twice, 'fee')).toBe('first');
    expect(chooseReply(compileReplies(twice.replies), twice, 'fee')).toMatchObject({ kind: 'reply', index: 0 });
  });

  it('says nothing without a fallback', () => {
    const r = parseScript('queue: Billing\naccept: {nickname: A}\nreplies: [{ keywords: [x], say: y }]\n');
    expect(r.ok && chooseReply(compileReplies(r.script.replies), r.script, 'hello')).toBeNull();
  });

  it('treats keywords as text, not as regular expressions', () => {
    expect(keywordPattern(['a.b (c)'], false).test('a.b (c)')).toBe(true);
    expect(keywordPattern(['a.b'], false).test('axb')).toBe(false);
  });
});

describe('fillPlaceholders', () => {
  const data = { 'Page Name': 'Bill Payment', Empty: '', 'a|b': 'never' };
  it.each([
    ['You are on {Page Name}.', 'You are on Bill Payment.'],
    ['{ Page Name }', 'Bill Payment'],
    ['Hi {FirstName|there}', 'Hi there'],
    ['{Page Name|fallback}', 'Bill Payment'],
    ['Account {Account}', 'Account {Account}'], // unknown: left visible
    ['[{Empty}]', '[]'],
    ['[{Empty|none}]', '[none]'],
    ['{{Page Name}}', '{Page Name}'], // literal braces
    ['{Page Name}{Page Name}', 'Bill PaymentBill Payment'],
    ['{a|b}', 'b'], // | always starts the fallback
    ['no placeholders', 'no placeholders'],
  ])('%j → %j', (template, expected) => expect(fillPlaceholders(template, data)).toBe(expected));

  it('inserts values as they are, once (a value is never read as a template)', () => {
    expect(fillPlaceholders('{X}', { X: '{Page Name} <b>&' })).toBe('{Page Name} <b>&');
  });

  it('does not read inherited properties as user data', () => {
    expect(fillPlaceholders('{constructor} {toString|x}', {})).toBe('{constructor} x');
  });

  it('lists the placeholders that would stay visible', () => {
    expect(missingPlaceholders('{Page Name} {Account} {Who|you} {Account} {{x}}', data)).toEqual(['Account']);
  });
});

describe('typingDelayMs', () => {
  it('grows with the length, within the floor and the cap', () => {
    const t = { ...DEFAULT_TYPING, perCharacterMs: 50, minMs: 300, maxMs: 2000 };
    expect(typingDelayMs('ok', t)).toBe(300);
    expect(typingDelayMs('x'.repeat(20), t)).toBe(1000);
    expect(typingDelayMs('x'.repeat(500), t)).toBe(2000);
    expect(typingDelayMs('😀'.repeat(20), t)).toBe(1000); // characters, not UTF-16 units
  });
});
