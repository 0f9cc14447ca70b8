import type { TranscriptEntry } from './chat-session';

/** Formats a transcript can be downloaded in. */
export type TranscriptFormat = 'text' | 'html' | 'json';

/** What a downloaded transcript is about. */
export interface TranscriptMeta {
  queue: string;
  startedAt: number;
}

/** ISO 8601 of a time stamp, or null when it is no date (NaN, or beyond ±8.64e15 ms): an odd entry still exports. */
const isoOrNull = (at: number): string | null => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const UNKNOWN_TIME = 'unknown time';
const when = (at: number) => {
  const iso = isoOrNull(at);
  return iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : UNKNOWN_TIME;
};
const who = (e: TranscriptEntry) => (e.kind === 'notice' ? '' : e.from === 'visitor' ? `${e.nickname || 'You'}: ` : `${e.nickname}: `);
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * File name, MIME type and contents of a transcript download. Agent and visitor text is escaped
 * in HTML. A time stamp that is no date shows as "unknown time" (null in JSON), never throws.
 */
export function exportTranscript(entries: readonly TranscriptEntry[], meta: TranscriptMeta, format: TranscriptFormat) {
  const stamp = isoOrNull(meta.startedAt)?.slice(0, 16).replace(/[T:]/g, '-') ?? UNKNOWN_TIME.replace(' ', '-');
  const name = `beckon-chat-${stamp}`;
  switch (format) {
    case 'text': {
      const lines = entries.map((e) => `[${when(e.at)}] ${who(e)}${e.text}${e.delivery === 'failed' ? ' (not delivered)' : ''}`);
      return { filename: `${name}.txt`, mime: 'text/plain', contents: [`Chat on queue ${meta.queue}`, ...lines, ''].join('\n') };
    }
    case 'html': {
      const rows = entries
        .map((e) => `<li class="${e.kind} ${e.from}"><time>${when(e.at)}</time> <b>${escapeHtml(who(e))}</b>${escapeHtml(e.text)}</li>`)
        .join('\n');
      const contents = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Chat on ${escapeHtml(meta.queue)}</title></head>\n<body><h1>Chat on ${escapeHtml(meta.queue)}</h1>\n<ol>\n${rows}\n</ol></body></html>\n`;
      return { filename: `${name}.html`, mime: 'text/html', contents };
    }
    case 'json': {
      const messages = entries.map((e) => ({ at: isoOrNull(e.at), kind: e.kind, from: e.from, nickname: e.nickname, text: e.text, ...(e.index === undefined ? {} : { index: e.index }), ...(e.delivery ? { delivery: e.delivery } : {}) }));
      return { filename: `${name}.json`, mime: 'application/json', contents: `${JSON.stringify({ queue: meta.queue, startedAt: isoOrNull(meta.startedAt), messages }, null, 2)}\n` };
    }
  }
}
