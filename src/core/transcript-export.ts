/**
 * A transcript as a file the visitor downloads: text, HTML or JSON, its headings and notices in
 * the visitor's language (a translator of the visitor catalogs), its times in UTC. Pure.
 */
import type { TranscriptEntry } from './chat-session';
import { say, type VisitorKey } from './i18n/visitor';
import type { Translate } from './i18n/translate';
import { directionOf } from './i18n/direction';
import { escapeHtml } from './escape-html';
import { fileStamp, isoOrNull } from './iso-time';

/** Formats a transcript can be downloaded in. */
export type TranscriptFormat = 'text' | 'html' | 'json';

/** What a downloaded transcript is about. */
export interface TranscriptMeta {
  queue: string;
  startedAt: number;
}

/** The language a transcript is written in: its translator and its BCP 47 tag. */
export interface ExportLanguage {
  t: Translate<VisitorKey>;
  lang: string;
}

const when = (at: number, t: Translate<VisitorKey>) => {
  const iso = isoOrNull(at);
  return iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : t('export.unknownTime');
};
const who = (e: TranscriptEntry, t: Translate<VisitorKey>) => (e.kind === 'notice' ? '' : e.from === 'visitor' ? `${e.nickname || t('chat.you')}: ` : `${e.nickname}: `);
/** A line's text: a notice Beckon wrote in the transcript's language, anything else as it was said. */
const textOf = (e: TranscriptEntry, t: Translate<VisitorKey>) => (e.phrase ? say(t, e.phrase, e.text) : e.text);

/**
 * File name, MIME type and contents of a transcript download, in `language` (the visitor's).
 * Agent and visitor text is escaped in HTML. A time stamp that is no date shows as "unknown
 * time" in that language (null in JSON), never throws.
 */
export function exportTranscript(entries: readonly TranscriptEntry[], meta: TranscriptMeta, format: TranscriptFormat, language: ExportLanguage) {
  const { t, lang } = language;
  const stamp = fileStamp(meta.startedAt) ?? 'unknown-time';
  const name = `beckon-chat-${stamp}`;
  switch (format) {
    case 'text': {
      const lines = entries.map((e) => `[${when(e.at, t)}] ${who(e, t)}${textOf(e, t)}${e.delivery === 'failed' ? ` ${t('export.notDelivered')}` : ''}`);
      return { filename: `${name}.txt`, mime: 'text/plain', contents: [t('export.heading', { queue: meta.queue }), ...lines, ''].join('\n') };
    }
    case 'html': {
      const rows = entries
        .map((e) => `<li class="${e.kind} ${e.from}"><time>${escapeHtml(when(e.at, t))}</time> <b>${escapeHtml(who(e, t))}</b>${escapeHtml(textOf(e, t))}</li>`)
        .join('\n');
      const title = escapeHtml(t('export.title', { queue: meta.queue }));
      const dir = directionOf(lang) === 'rtl' ? ' dir="rtl"' : '';
      const contents = `<!doctype html>\n<html lang="${escapeHtml(lang)}"${dir}><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1>\n<ol>\n${rows}\n</ol></body></html>\n`;
      return { filename: `${name}.html`, mime: 'text/html', contents };
    }
    case 'json': {
      const messages = entries.map((e) => ({ at: isoOrNull(e.at), kind: e.kind, from: e.from, nickname: e.nickname, text: textOf(e, t), ...(e.index === undefined ? {} : { index: e.index }), ...(e.delivery ? { delivery: e.delivery } : {}) }));
      return { filename: `${name}.json`, mime: 'application/json', contents: `${JSON.stringify({ queue: meta.queue, startedAt: isoOrNull(meta.startedAt), messages }, null, 2)}\n` };
    }
  }
}
