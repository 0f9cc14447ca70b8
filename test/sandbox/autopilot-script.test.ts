/** Autopilot script validation: good scripts (the shipped ones), and bad ones with the line and the field of each error. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScriptError, parseScript, type ScriptError } from '../../sandbox/autopilot/script-parse.ts';

const CONTEXT = { queues: ['Billing', 'Loans', 'General'], agents: ['alice', 'bob'] };
const SCRIPTS = new URL('../../sandbox/autopilot/scripts/', import.meta.url);

/** The errors of `source` as `line: path: message` lines. */
function errorsOf(source: string, context: typeof CONTEXT | undefined = CONTEXT): string[] {
  const r = parseScript(source, context);
  if (r.ok) throw new Error('expected the script to be refused');
  return r.errors.map((e) => formatScriptError('s.yaml', e));
}

describe('shipped scripts', () => {
  it.each(readdirSync(SCRIPTS))('%s is valid for the default queues and agents', (file) => {
    const r = parseScript(readFileSync(new URL(file, SCRIPTS), 'utf8'), CONTEXT);
    expect(r.ok ? [] : r.errors.map((e) => formatScriptError(file, e))).toEqual([]);
  });

  it('covers the demo site\'s queues', () => {
    const queues = readdirSync(SCRIPTS).map((f) => {
      const r = parseScript(readFileSync(new URL(f, SCRIPTS), 'utf8'));
      return r.ok ? r.script.queue : f;
    });
    expect(queues.sort()).toEqual(['Billing', 'General', 'Loans']);
  });
});

describe('parseScript', () => {
  it('fills the defaults and reads one message as a list of one, in YAML and in JSON', () => {
    const yaml = parseScript('queue: Billing\naccept:\n  nickname: Ava\ngreeting:\n  say: Hi {Page Name}\n');
    const json = parseScript('{"queue": "Billing", "accept": {"nickname": "Ava"}, "greeting": {"say": "Hi {Page Name}"}}');
    expect(yaml).toEqual(json);
    expect(yaml.ok && yaml.script).toEqual({
      queue: 'Billing', accept: { after: 3, nickname: 'Ava' }, typing: { pauseMs: 400, perCharacterMs: 35, minMs: 600, maxMs: 4000 },
      greeting: { say: ['Hi {Page Name}'] }, replies: [],
    });
  });

  it('names the line and the field of every error, in line order', () => {
    const source = [
      'queue: Billing', //                   1
      'accept:', //                          2  nickname missing
      '  after: -1', //                      3
      '  nick: Ava', //                      4  unknown field
      'replies:', //                         5
      '  - keywords: [fee]', //              6
      '    say: ok', //                      7
      '  - match: "(unclosed"', //           8  bad regular expression
      '    say: x', //                       9
      '  - keywords: [b]', //                10 both keywords and match
      '    match: c', //                     11
      `    say: "${'x'.repeat(4001)}"`, //   12 too long
      '    then:', //                        13
      '      - transfer: { queue: Loans }', // 14
      '      - { end: true, wait: 1 }', //   15 two steps in one
      'greeting: { say: "" }', //            16
      'typing: { minMs: 10, maxMs: 5 }', //  17
    ].join('\n');
    expect(errorsOf(source)).toEqual([
      's.yaml:2: accept.nickname: is required (a nickname)',
      's.yaml:3: accept.after: must be at least 0 seconds',
      "s.yaml:4: accept.nick: unknown field 'nick'",
      expect.stringMatching(/^s\.yaml:8: replies\[1\]\.match: not a valid regular expression: .*Unterminated group/),
      's.yaml:10: replies[2]: must have exactly one of keywords and match',
      's.yaml:12: replies[2].say: must be at most 4000 characters',
      's.yaml:15: replies[2].then[1]: must have exactly one of transfer, consult, conference, setUserData, wait, end',
      's.yaml:16: greeting.say: must not be empty',
      's.yaml:17: typing.maxMs: must not be less than minMs',
    ]);
  });

  it('reports wrong types, and a missing queue at the top of the file', () => {
    expect(errorsOf('accept: {after: soon, nickname: 7}\nreplies: {}\n')).toEqual([
      's.yaml:1: queue: is required (a queue name)',
      's.yaml:1: accept.after: must be a number of seconds',
      's.yaml:1: accept.nickname: must be a nickname',
      's.yaml:2: replies: must be a list of replies',
    ]);
  });

  it('names keys that need quoting as such', () => {
    expect(errorsOf('queue: Billing\naccept: {nickname: A}\ngreeting:\n  say: hi\n  then:\n    - setUserData: { "Page Name": 3 }\n'))
      .toEqual(['s.yaml:6: greeting.then[0].setUserData["Page Name"]: must be text (quote numbers in YAML)']);
  });

  it('reports YAML and JSON syntax errors, duplicate keys and empty files with their line', () => {
    expect(errorsOf('queue: Billing\naccept:\n  nickname: [Ava\n')).toEqual([expect.stringMatching(/^s\.yaml:3: /)]);
    expect(errorsOf('{"queue": "Billing",\n "queue": "Loans"}')).toEqual([expect.stringMatching(/^s\.yaml:2: Map keys must be unique/)]);
    expect(errorsOf('{"queue": "Billing",\n "accept": {"nickname": "A"},\n}x')).toEqual([expect.stringMatching(/^s\.yaml:3: /)]);
    expect(errorsOf('')).toEqual(['s.yaml:1: the script is empty']);
    expect(errorsOf('- a list\n')).toEqual(['s.yaml:1: must be a map (the script)']);
    expect(errorsOf('x'.repeat(60_001))).toEqual(['s.yaml:1: the script is longer than 60000 characters']);
  });

  it('checks the queue and the steps\' queues and agents against the running Sandbox', () => {
    const source = [
      'queue: Mortgages', // 1
      'accept: {nickname: Ava}', // 2
      'replies:', // 3
      '  - keywords: [x]', // 4
      '    then:', // 5
      '      - transfer: { queue: Nowhere }', // 6
      '      - transfer: { agent: zed }', // 7
      '      - consult: carol', // 8
      'fallback:', // 9
      '  say: hm', // 10
      '  then: [{ conference: alice }, { transfer: { queue: Billing } }]', // 11
    ].join('\n');
    expect(errorsOf(source)).toEqual([
      "s.yaml:1: queue: unknown queue 'Mortgages'. Known queues: Billing, Loans, General",
      "s.yaml:6: replies[0].then[0].transfer.queue: unknown queue 'Nowhere'. Known queues: Billing, Loans, General",
      "s.yaml:7: replies[0].then[1].transfer.agent: unknown agent 'zed'. Agents: alice, bob",
      "s.yaml:8: replies[0].then[2].consult: unknown agent 'carol'. Agents: alice, bob",
    ]);
    expect(parseScript(source).ok).toBe(true); // without a Sandbox to check against, only the shape counts
    expect(errorsOf('queue: Billing\naccept: {nickname: A}\nfallback:\n  say: x\n  then:\n    - transfer: {queue: Billing}\n'))
      .toEqual(['s.yaml:6: fallback.then[0].transfer.queue: is the queue this script serves: the chat would come straight back']);
  });

  it('keeps each error to one line', () => {
    const r = parseScript('a: [1\nb: 2\n');
    expect(r.ok).toBe(false);
    for (const e of (r as { errors: ScriptError[] }).errors) expect(e.message).not.toContain('\n');
  });
});
