// @vitest-environment happy-dom
/**
 * The stable-selector generator (src/core/css-selector.ts) on real documents: what it prefers,
 * that its answer selects the element and nothing else, escaping as CSS.escape, positions as the
 * last resort, shadow DOM, and the length cap. happy-dom's selector engine does not read CSS
 * escapes, so odd ids go through linkedom's (css-select, as browsers read them) and css-what.
 */
import { parse } from 'css-what';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { cssEscape, cssString, SELECTOR_MAX, stableSelector, type DocumentLike, type ElementLike } from '../../src/core/css-selector';
import { pick } from '../../src/content/picker';
import { CONTEXT_TARGET_KEY, PICKED_KEY } from '../../src/protocol/watcher';

const $ = (s: string) => document.querySelector(s)!;
/** The selector for `el`, checked to select exactly it. */
function selectorOf(el: Element): string {
  const s = stableSelector(el, document);
  expect(s).not.toBeNull();
  expect([...document.querySelectorAll(s!)]).toEqual([el]);
  return s!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('cssEscape (CSS.escape semantics)', () => {
  it.each([
    ['plain-id_1', 'plain-id_1'],
    ['1st', '\\31 st'],
    ['-1x', '-\\31 x'],
    ['-', '\\-'],
    ['--x', '--x'],
    ['a b', 'a\\ b'],
    ['a.b:c#d', 'a\\.b\\:c\\#d'],
    ['say"hi"', 'say\\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['tab\there', 'tab\\9 here'],
    ['nul\0', 'nul\uFFFD'],
    ['del\x7f', 'del\\7f '],
    ['café-ünï', 'café-ünï'],
    ['[x]', '\\[x\\]'],
  ])('%j → %j', (input, escaped) => expect(cssEscape(input)).toBe(escaped));

  const ODD = ['1st', 'a b', 'x:y', 'say"hi"', "it's", '#hash', '-2', 'a.b', '[x]', 'a\\b', 'tab\tin', 'ünï'];
  it.each(ODD)('%j parses back to itself as an id and as a string', (id) => {
    expect(parse(`#${cssEscape(id)}`)).toEqual([[{ type: 'attribute', name: 'id', action: 'equals', value: id, namespace: null, ignoreCase: 'quirks' }]]);
    expect(parse(`[title=${cssString(id)}]`)[0]![0]).toMatchObject({ name: 'title', value: id });
  });
  it('quotes a string in the quote it does not hold', () => {
    expect(cssString('Say "hi"')).toBe(`'Say "hi"'`);
    expect(cssString(`it's "x"`)).toBe(`"it's \\"x\\""`);
    expect(cssString('a\\b')).toBe('"a\\\\b"');
  });
  it('names odd ids in a selector engine that reads escapes', () => {
    for (const id of ODD.filter((x) => !/\d{3}|:/.test(x))) {
      const { document: doc } = parseHTML('<html><body><div><p></p><p></p></div></body></html>');
      const p = doc.querySelector('p')!;
      p.id = id;
      const s = stableSelector(p as unknown as ElementLike, doc as unknown as DocumentLike);
      expect(s).toBe(`#${cssEscape(id)}`);
      expect(doc.querySelectorAll(s!)).toHaveLength(1);
      expect(doc.querySelector(s!)).toBe(p);
    }
  });
});

describe('stableSelector', () => {
  it('prefers a stable id', () => {
    document.body.innerHTML = '<main><button id="apply-now" data-testid="apply" class="btn">Apply</button></main>';
    expect(selectorOf($('button'))).toBe('#apply-now');
  });

  it('skips an id a framework generated (React useId, digit runs)', () => {
    document.body.innerHTML = '<div><a>x</a></div><div><a data-qa="y">y</a></div>';
    $('a').id = ':r1:';
    expect(selectorOf($('a'))).toBe('body > div:nth-of-type(1) > a');
    $('a').id = 'link-20391';
    expect(selectorOf($('a'))).toBe('body > div:nth-of-type(1) > a');
  });

  it('skips generated ids and state classes, then takes data attributes in their order', () => {
    document.body.innerHTML = `
      <button id="ember1234" class="active css-1x2y3z" data-cy="cy" data-qa="qa" data-test="t" data-testid="pay">Pay</button>
      <button data-testid="other">Other</button>`;
    expect(selectorOf($('[data-testid=pay]'))).toBe('button[data-testid="pay"]');
    $('[data-testid=pay]').removeAttribute('data-testid');
    expect(selectorOf($('[data-test=t]'))).toBe('button[data-test="t"]');
    $('[data-test=t]').removeAttribute('data-test');
    expect(selectorOf($('[data-qa=qa]'))).toBe('button[data-qa="qa"]');
  });

  it('uses name and aria-label before classes, and quotes odd values', () => {
    document.body.innerHTML = '<form><input name="email" class="field"><input name="email" class="field"><button aria-label=\'Say "hi"\' class="field">x</button></form>';
    expect(selectorOf($('button'))).toBe(`button[aria-label='Say "hi"']`);
    expect(selectorOf($('input'))).toBe('body > form > input:nth-of-type(1)');
  });

  it('uses classes when nothing else is unique, alone or together', () => {
    document.body.innerHTML = '<div class="card promo"></div><div class="card"></div><div class="promo"></div>';
    expect(selectorOf($('.card.promo'))).toBe('div.card.promo');
    document.body.innerHTML = '<div class="card"></div><span class="card"></span>';
    expect(selectorOf($('span'))).toBe('span.card');
  });

  it('anchors on the nearest ancestor with an id when the element has nothing unique', () => {
    document.body.innerHTML = `
      <section id="plans"><div><button>Choose</button><button>More</button></div></section>
      <section id="other"><div><button>Choose</button></div></section>`;
    expect(selectorOf($('#plans button:nth-of-type(2)'))).toBe('#plans > div > button:nth-of-type(2)');
  });

  it('prefers a distinguishing attribute to a position inside a path', () => {
    document.body.innerHTML = `
      <ul id="menu"><li><a data-qa="help">Help</a><a data-qa="home">Home</a></li></ul>
      <ul><li><a data-qa="help">Help</a></li></ul>`;
    expect(selectorOf($('#menu a[data-qa=help]'))).toBe('#menu > li > a[data-qa="help"]');
  });

  it('falls back to positions from body when no ancestor names anything', () => {
    document.body.innerHTML = '<div><p>a</p><p>b <span>x</span></p></div><div><p><span>y</span></p></div>';
    expect(selectorOf($('div p:nth-of-type(2) span'))).toBe('body > div:nth-of-type(1) > p:nth-of-type(2) > span');
  });

  it('names an element inside a shadow root by its host (the document cannot select into it)', () => {
    document.body.innerHTML = '<div><chat-button data-testid="chat"></chat-button><chat-button></chat-button></div>';
    const host = $('chat-button');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Chat</button>';
    expect(stableSelector(root.querySelector('button')!, document)).toBe('chat-button[data-testid="chat"]');
    const bare = document.querySelectorAll('chat-button')[1]!;
    const inner = bare.attachShadow({ mode: 'closed' });
    inner.innerHTML = '<span><b>deep</b></span>';
    expect(stableSelector(inner.querySelector('b')!, document)).toBe('body > div > chat-button:nth-of-type(2)');
  });

  it('gives up rather than return a selector over the cap', () => {
    let html = '<b>x</b>';
    for (let i = 0; i < 60; i++) html = `<div></div><div>${html}</div>`;
    document.body.innerHTML = html;
    expect($('b').closest('div')).not.toBeNull();
    expect(stableSelector($('b'), document)).toBeNull();
    expect(SELECTOR_MAX).toBe(500);
  });
});

describe('the picker', () => {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  it('names the element the watcher kept, and leaves the answer for the background', () => {
    document.body.innerHTML = '<button data-testid="apply">Apply</button>';
    scope[Symbol.for(CONTEXT_TARGET_KEY)] = $('button');
    expect(pick(window)).toEqual({ selector: 'button[data-testid="apply"]' });
    expect(scope[Symbol.for(PICKED_KEY)]).toEqual({ selector: 'button[data-testid="apply"]' });
  });
  it('names the control when the element right-clicked is inside one', () => {
    document.body.innerHTML = '<a href="/apply" data-qa="apply"><svg><path></path></svg> <b>Apply</b></a><div data-qa="card"><i>x</i></div>';
    scope[Symbol.for(CONTEXT_TARGET_KEY)] = $('path');
    expect(pick(window)).toEqual({ selector: 'a[data-qa="apply"]' });
    scope[Symbol.for(CONTEXT_TARGET_KEY)] = $('i');
    expect(pick(window)).toEqual({ selector: 'div[data-qa="card"] > i' }); // not a control: the element itself
  });
  it('says so when nothing was right-clicked, or the element is gone', () => {
    delete scope[Symbol.for(CONTEXT_TARGET_KEY)];
    expect(pick(window)).toEqual({ error: 'no-target' });
    document.body.innerHTML = '<button>x</button>';
    const gone = $('button');
    gone.remove();
    scope[Symbol.for(CONTEXT_TARGET_KEY)] = gone;
    expect(pick(window)).toEqual({ error: 'no-target' });
  });
});
