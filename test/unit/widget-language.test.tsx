// @vitest-environment happy-dom
/**
 * The widget in the demo profile's look and language (issue 13): the offer card and the chat
 * window in German and Arabic, the brand, eyebrow, colours and logo, right to left, the corner
 * told to the host, times in the language's locale, Beckon's notices in the visitor's language,
 * and the popup's chat parts. Catalogs load per language (the real dynamic imports).
 */
import { atom } from 'nanostores';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptEntry } from '../../src/core/chat-session';
import { visitorAr } from '../../src/core/i18n/catalogs/visitor-ar';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de';
import { visitorEn } from '../../src/core/i18n/catalogs/visitor-en';
import { LANGUAGES, type Language } from '../../src/core/profiles/languages';
import type { Look } from '../../src/core/profiles/look';
import type { ChatView, TabView } from '../../src/protocol/ports';
import type { Notice, UiClient } from '../../src/ui/client';
import { statusLine } from '../../src/ui/components/ChatPanel';
import { OfferCard } from '../../src/ui/components/OfferCard';
import { Transcript } from '../../src/ui/components/Transcript';
import type { FrameHost } from '../../src/ui/frame-link';
import { catalogAsset } from '../../src/core/i18n/visitor';
import { loadWords } from '../../src/ui/i18n/load';
import { wordsOf } from '../../src/ui/i18n/words';
import { catalogAssets } from '../../scripts/catalog-assets';
import { PageApp } from '../../src/ui/PageApp';
import { PopupApp } from '../../src/ui/PopupApp';
import { InLanguage, serveCatalogs } from './visitor-words';

const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const look = (patch: Partial<Look> = {}): Look => ({
  brand: 'Acme Bank', accent: '#0b5d1e', accentInk: '#ffffff', logo: LOGO, corner: 'bottom-left', eyebrow: '', language: 'de', dir: 'ltr', ...patch,
});
const chat = (patch: Partial<ChatView> = {}): ChatView => ({
  id: 'c1', status: 'connected', queue: 'Billing', agents: ['Alice'], agentTyping: false, transcript: [], offline: false, unread: 0, lastIndex: 0, startedAt: 1, ...patch,
});
const OFFER = { id: 'o1', topic: 'Questions about your bill?', queue: 'Billing', metadata: {}, ui: 'default' as const };

function fakeClient(view: TabView, notice: Notice | null = null): UiClient {
  return {
    $view: atom<TabView | null>(view), $link: atom('connected' as const), $notice: atom<Notice | null>(notice),
    send: vi.fn(), downloadFile: vi.fn(), fetchReport: vi.fn(), close: vi.fn(),
  } as unknown as UiClient;
}
function fakeHost(): FrameHost & { looks: [string, string][] } {
  const looks: [string, string][] = [];
  return { initialState: null, reportSize: () => undefined, reportState: () => undefined, reportLook: (c, t) => looks.push([c, t]), looks };
}

let root: HTMLElement | undefined;
const mount = async (vnode: ComponentChild) => {
  const at = document.createElement('div');
  root = at;
  document.body.append(at);
  await act(() => render(vnode, at));
  // The language's catalog is a chunk of its own: let its import land, then the render.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 30));
  });
};
const dom = () => root!;
const byTestId = (id: string) => root!.querySelector<HTMLElement>(`[data-testid="${id}"]`);
afterEach(async () => {
  vi.unstubAllGlobals();
  if (root) {
    const at = root;
    await act(() => render(null, at));
    at.remove();
    root = undefined;
  }
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});

/** The catalog files the UI fetched, in order: one per language, and only when needed. */
let fetched: string[];
const serve = (broken?: (path: string) => Response | null) => void (fetched = serveCatalogs(broken));
beforeEach(() => serve());

describe('catalogs per language', () => {
  it('are packed as one JSON file per language, each its typed catalog', () => {
    const assets = catalogAssets();
    expect(assets.map((a) => `/${a.relativeDest}`).sort()).toEqual(LANGUAGES.map((l) => catalogAsset(l)).sort());
    expect(JSON.parse(assets.find((a) => a.relativeDest === 'i18n/visitor-ar.json')!.contents)).toEqual(visitorAr);
  });

  it('load only the language asked for, once, from the UI’s own files', async () => {
    const words = await loadWords('ar');
    await loadWords('ar');
    expect([words.lang, words.dir, words.t('offer.accept')]).toEqual(['ar', 'rtl', visitorAr['offer.accept']]);
    expect(fetched).toEqual(['/i18n/visitor-ar.json']);
  });

  it('fall back to English for a catalog that cannot be had, and to the keys without any', async () => {
    serve((path) => (path.endsWith('-fr.json') ? new Response('{"offer.accept": 7}') : path.endsWith('-nl.json') ? new Response('[]') : null));
    expect((await loadWords('fr')).t('offer.accept')).toBe('Start chat');
    expect((await loadWords('nl')).t('offer.accept')).toBe('Start chat');
    serve(() => new Response('gone', { status: 404 }));
    expect((await loadWords('de')).t('offer.accept')).toBe('offer.accept');
  });
});

describe('the offer card', () => {
  it('shows the brand, its logo named after it, the language’s eyebrow and buttons', async () => {
    await mount(
      <InLanguage lang="de">
        <OfferCard offer={OFFER} look={look()} onAccept={() => undefined} onDecline={() => undefined} />
      </InLanguage>,
    );
    expect(byTestId('beckon-brand')!.textContent).toBe('Acme Bank');
    const logo = byTestId('beckon-logo') as HTMLImageElement;
    expect([logo.getAttribute('src'), logo.alt, logo.width]).toEqual([LOGO, 'Acme Bank', 28]);
    expect(byTestId('beckon-eyebrow')!.textContent).toBe('Können wir helfen?');
    expect(byTestId('beckon-offer-accept')!.textContent).toBe('Chat starten');
    expect(byTestId('beckon-offer-decline')!.textContent).toBe('Nein, danke');
  });

  it('takes the profile’s eyebrow over the language’s, and shows no logo that is not an inline raster image', async () => {
    await mount(<OfferCard offer={OFFER} look={look({ eyebrow: 'Fragen zur Rechnung?', logo: 'https://evil.example/x.png' })} onAccept={() => undefined} onDecline={() => undefined} />);
    expect(byTestId('beckon-eyebrow')!.textContent).toBe('Fragen zur Rechnung?');
    expect(byTestId('beckon-logo')).toBeNull();
    expect(dom().querySelector('img')).toBeNull();
  });
});

describe('the page frame', () => {
  it('speaks German in the brand’s colours, and tells the host its corner and brand', async () => {
    const host = fakeHost();
    await mount(<PageApp client={fakeClient({ tabId: 1, look: look(), offer: OFFER, chat: null })} host={host} />);
    expect(byTestId('beckon-offer-accept')!.textContent).toBe('Chat starten');
    const dock = dom().querySelector<HTMLElement>('.bk-dock')!;
    expect(dock.style.getPropertyValue('--bk-accent')).toBe('#0b5d1e');
    expect(dock.style.getPropertyValue('--bk-accent-ink')).toBe('#ffffff');
    expect([document.documentElement.lang, document.documentElement.dir, document.documentElement.dataset.corner]).toEqual(['de', 'ltr', 'bottom-left']);
    expect(document.title).toBe('Acme Bank');
    expect(host.looks).toEqual([['bottom-left', 'Acme Bank']]);
  });

  it('shows the window with the brand instead of "Beckon chat", its logo, and German everywhere', async () => {
    const transcript: TranscriptEntry[] = [
      { key: 'i1', index: 1, kind: 'notice', from: 'agent', nickname: 'Alice', text: 'Alice joined the chat', at: 1, phrase: { key: 'notice.joined', params: { name: 'Alice' } } },
      { key: 'i2', index: 2, kind: 'notice', from: 'system', nickname: '', text: 'A notice from the server', at: 2 },
      { key: 'i3', index: 3, kind: 'notice', from: 'system', nickname: '', text: 'Stored by a later Beckon', at: 3, phrase: { key: 'notice.fromTheFuture' } },
    ];
    await mount(<PageApp client={fakeClient({ tabId: 1, look: look(), offer: null, chat: chat({ transcript }) }, { message: 'This chat does not take files.', phrase: { key: 'error.noFiles' } })} host={fakeHost()} />);
    expect(byTestId('beckon-title')!.textContent).toBe('Acme Bank · Billing');
    expect(dom().querySelector('.bk-window-bar img')?.getAttribute('alt')).toBe('Acme Bank');
    expect(byTestId('beckon-chat-status')!.textContent).toBe('Im Chat mit Alice');
    expect([...dom().querySelectorAll('[data-testid="beckon-notice"]')].map((n) => n.textContent)).toEqual([
      'Alice ist dem Chat beigetreten', 'A notice from the server', 'Stored by a later Beckon',
    ]);
    expect(dom().querySelector('[role="alert"]')!.textContent).toBe('Dieser Chat nimmt keine Dateien an.');
    expect(byTestId('beckon-send')!.textContent).toBe('Senden');
    expect(byTestId('beckon-end')!.textContent).toBe('Chat beenden');
    expect((byTestId('beckon-composer') as HTMLTextAreaElement).placeholder).toBe('Nachricht schreiben…');
    expect(dom().querySelector('[aria-label="Chat minimieren"]')).not.toBeNull();
    // No English string of the catalog is left on screen (the German ones that happen to match aside).
    const english = new Set<string>(Object.entries(visitorEn).filter(([k, v]) => !/[{]/.test(v) && visitorDe[k as keyof typeof visitorDe] !== v).map(([, v]) => v));
    const onScreen = [...dom().querySelectorAll('*')].flatMap((el) => [el.textContent ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '']);
    expect(onScreen.filter((text) => english.has(text.trim()))).toEqual([]);
  });

  it('lays Arabic out right to left', async () => {
    await mount(<PageApp client={fakeClient({ tabId: 1, look: look({ language: 'ar', dir: 'rtl', corner: 'bottom-right' }), offer: OFFER, chat: null })} host={fakeHost()} />);
    expect([document.documentElement.lang, document.documentElement.dir, document.documentElement.dataset.corner]).toEqual(['ar', 'rtl', 'bottom-right']);
    expect(byTestId('beckon-offer-accept')!.textContent).toBe('بدء المحادثة');
    expect(byTestId('beckon-eyebrow')!.textContent).toBe('هل تحتاج إلى مساعدة؟');
  });

  it('stays English and left to right without a look (Beckon’s own), the brand its own', async () => {
    await mount(<PageApp client={fakeClient({ tabId: 1, offer: null, chat: chat() })} host={fakeHost()} />);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en', 'ltr']);
    expect(byTestId('beckon-title')!.textContent).toBe('Beckon chat · Billing');
    expect(dom().querySelector('img')).toBeNull();
  });
});

describe('in the visitor’s language', () => {
  it('says where the chat stands in German', () => {
    const de = wordsOf('de', visitorDe);
    const line = (status: ChatView['status'], agents: string[] = []) => statusLine({ status, agents }, de);
    expect([line('requesting'), line('waiting'), line('connected', ['Alice']), line('conferenced', ['Alice', 'Bob', 'Carol']), line('connected'), line('transferred'), line('ended')]).toEqual([
      'Chat wird gestartet…', 'Sie werden gleich verbunden…', 'Im Chat mit Alice', 'Im Chat mit Alice, Bob und Carol', 'Verbunden', 'Sie werden weitergeleitet…', 'Chat beendet',
    ]);
    expect(statusLine({ status: 'conferenced', agents: ['Alice', 'Bob'] }, wordsOf('en', visitorEn))).toBe('Chatting with Alice, Bob'); // English as before
  });

  it('writes times the language’s way', async () => {
    const at = new Date(2026, 0, 5, 14, 5).getTime(); // 14:05 local time
    const entry: TranscriptEntry = { key: 'i1', index: 1, kind: 'message', from: 'agent', nickname: 'Alice', text: 'Hallo', at };
    const meta = async (lang: Language) => {
      await mount(<InLanguage lang={lang}><Transcript entries={[entry]} agentTyping /></InLanguage>);
      const text = [dom().querySelector('.bk-meta')!.textContent, byTestId('beckon-typing')!.textContent];
      await act(() => render(null, dom()));
      return text;
    };
    expect(await meta('de')).toEqual(['Alice · 14:05', 'Antwort wird geschrieben…']);
    const [english] = await meta('en');
    expect(english).toBe(`Alice · ${new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(at)}`);
    expect(english).toMatch(/02:05\sPM/);
  });
});

describe('the popup', () => {
  it('shows the offer and the chat in the tab’s language, right to left for Arabic, and its own parts in English', async () => {
    await mount(<PopupApp client={fakeClient({ tabId: 1, look: look({ language: 'ar', dir: 'rtl' }), offer: OFFER, chat: chat() })} openOptions={() => undefined} />);
    const parts = [...dom().querySelectorAll<HTMLElement>('[data-testid="popup-visitor"]')];
    expect(parts.map((p) => [p.lang, p.dir])).toEqual([['ar', 'rtl'], ['ar', 'rtl']]);
    expect(parts[0]!.style.getPropertyValue('--bk-accent')).toBe('#0b5d1e');
    expect(byTestId('beckon-offer-accept')!.textContent).toBe('بدء المحادثة');
    expect(byTestId('beckon-end')!.textContent).toBe('إنهاء المحادثة');
    expect(byTestId('popup-open-options')!.textContent).toBe('Settings');
    expect(dom().querySelector('.bk-debugger summary')!.textContent).toBe('Rule debugger');
  });
});
