import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../src/core/chat-session';
import { visitorAr } from '../../src/core/i18n/catalogs/visitor-ar';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de';
import { visitorEnglish, visitorTranslator } from '../../src/core/i18n/visitor';
import { exportTranscript as exportIn, type ExportLanguage, type TranscriptFormat, type TranscriptMeta } from '../../src/core/transcript-export';

/** The export in English unless told. */
const exportTranscript = (entries: readonly TranscriptEntry[], meta: TranscriptMeta, format: TranscriptFormat, language: ExportLanguage = { t: visitorEnglish, lang: 'en' }) =>
  exportIn(entries, meta, format, language);

const at = Date.UTC(2026, 10, 21, 14, 5, 9);
const entries: TranscriptEntry[] = [
  { key: 'i2', index: 2, kind: 'notice', from: 'agent', nickname: 'Alex', text: 'Alex joined the chat', at },
  { key: 'i3', index: 3, kind: 'message', from: 'agent', nickname: 'Alex', text: 'Hi <b>there</b> & welcome', at },
  { key: 'cm1', kind: 'message', from: 'visitor', nickname: 'Visitor', text: 'Line one\nline two', at, delivery: 'failed' },
];
const meta = { queue: 'Billing', startedAt: at };

describe('transcript download', () => {
  it('as text, one line per entry, undelivered lines marked', () => {
    const t = exportTranscript(entries, meta, 'text');
    expect(t).toMatchObject({ filename: 'beckon-chat-2026-11-21-14-05.txt', mime: 'text/plain' });
    expect(t.contents.split('\n').slice(0, 3)).toEqual([
      'Chat on queue Billing',
      '[2026-11-21 14:05:09 UTC] Alex joined the chat',
      '[2026-11-21 14:05:09 UTC] Alex: Hi <b>there</b> & welcome',
    ]);
    expect(t.contents).toContain('Visitor: Line one\nline two (not delivered)');
  });

  it('as HTML, with every piece of chat text escaped', () => {
    const h = exportTranscript(entries, meta, 'html');
    expect(h.mime).toBe('text/html');
    expect(h.contents).toContain('Hi &lt;b&gt;there&lt;/b&gt; &amp; welcome');
    expect(h.contents).not.toContain('<b>there</b>');
  });

  it('as JSON that parses back to the same messages', () => {
    const j = JSON.parse(exportTranscript(entries, meta, 'json').contents);
    expect(j.queue).toBe('Billing');
    expect(j.messages.map((m: { text: string }) => m.text)).toEqual(entries.map((e) => e.text));
    expect(j.messages[2]).toMatchObject({ from: 'visitor', delivery: 'failed' });
  });

  it('exports entries whose time stamp is out of range or not a number, with an unknown time', () => {
    const odd: TranscriptEntry[] = [
      { ...entries[1]!, at: 1e20 },
      { ...entries[1]!, key: 'n', at: Number.NaN, text: 'second' },
      { ...entries[1]!, key: 'i', at: -Infinity, text: 'third' },
    ];
    for (const startedAt of [at, 1e20, Number.NaN]) {
      const t = exportTranscript(odd, { queue: 'Billing', startedAt }, 'text');
      expect(t.contents.split('\n').slice(1, 4)).toEqual([
        '[unknown time] Alex: Hi <b>there</b> & welcome', '[unknown time] Alex: second', '[unknown time] Alex: third',
      ]);
      expect(t.filename).toBe(startedAt === at ? 'beckon-chat-2026-11-21-14-05.txt' : 'beckon-chat-unknown-time.txt');
      expect(exportTranscript(odd, { queue: 'Billing', startedAt }, 'html').contents).toContain('<time>unknown time</time>');
      const j = JSON.parse(exportTranscript(odd, { queue: 'Billing', startedAt }, 'json').contents);
      expect(j.messages.map((m: { at: unknown; text: string }) => [m.at, m.text])).toEqual([[null, odd[0]!.text], [null, 'second'], [null, 'third']]);
      expect(j.startedAt).toBe(startedAt === at ? new Date(at).toISOString() : null);
    }
  });

  it('in the visitor’s language: headings, "You", notices Beckon wrote, unknown times, the page’s lang and direction', () => {
    const german = { t: visitorTranslator(visitorDe, 'de'), lang: 'de' };
    const lines: TranscriptEntry[] = [
      { ...entries[0]!, phrase: { key: 'notice.joined', params: { name: 'Alex' } } },
      { key: 'c2', kind: 'message', from: 'visitor', nickname: '', text: 'Hallo', at: Number.NaN, delivery: 'failed' },
    ];
    const text = exportTranscript(lines, meta, 'text', german).contents.split('\n');
    expect(text.slice(0, 3)).toEqual([
      'Chat in der Warteschlange Billing',
      '[2026-11-21 14:05:09 UTC] Alex ist dem Chat beigetreten',
      '[unbekannte Zeit] Sie: Hallo (nicht zugestellt)',
    ]);
    const html = exportTranscript(lines, meta, 'html', german).contents;
    expect(html).toContain('<html lang="de"><head><meta charset="utf-8"><title>Chat: Billing</title>');
    expect(JSON.parse(exportTranscript(lines, meta, 'json', german).contents).messages[0].text).toBe('Alex ist dem Chat beigetreten');
    const arabic = exportTranscript(lines, meta, 'html', { t: visitorTranslator(visitorAr, 'ar'), lang: 'ar' }).contents;
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<h1>محادثة: Billing</h1>');
  });
});
