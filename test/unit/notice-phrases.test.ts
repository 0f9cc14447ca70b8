/**
 * Notices Beckon writes into a transcript carry their phrase (issue 13): each UI shows them in
 * its own language, the English text stays for exports of old and page APIs, and chats stored
 * before phrases existed still read.
 */
import { describe, expect, it } from 'vitest';
import { endSession, newSession } from '../../src/core/chat-session';
import { phrase } from '../../src/core/i18n/visitor';
import { mergeEvents } from '../../src/core/transcript-merge';
import { readStoredEntry } from '../../src/protocol/chat-records';

const chat = () => ({ ...newSession('c1', 1, 'Billing', { nickname: 'Jane', subject: '', userData: {} }, 1_000), chatId: 'g1' });

describe('notice phrases', () => {
  it('an agent joining and leaving is a phrase with the English text beside it', () => {
    const s = mergeEvents(chat(), [
      { index: 1, type: 'joined', party: 'agent', nickname: 'Alice' },
      { index: 2, type: 'left', party: 'agent', nickname: 'Alice' },
    ], 5);
    expect(s.transcript.map((e) => [e.text, e.phrase])).toEqual([
      ['Alice joined the chat', { key: 'notice.joined', params: { name: 'Alice' } }],
      ['Alice left the chat', { key: 'notice.left', params: { name: 'Alice' } }],
    ]);
  });

  it('a chat ends with a phrase, or with the words it was given', () => {
    expect(endSession(chat(), phrase('notice.youEnded'), 9).transcript.at(-1)).toMatchObject({ text: 'You ended the chat.', phrase: { key: 'notice.youEnded' } });
    const plain = endSession(chat(), 'Closed by the server', 9).transcript.at(-1)!;
    expect([plain.text, plain.phrase]).toEqual(['Closed by the server', undefined]);
  });

  it('stored lines keep their phrase; lines stored before phrases read as they were; a bad phrase is refused', () => {
    const line = { key: 'i1', index: 1, kind: 'notice', from: 'agent', nickname: 'Alice', text: 'Alice joined the chat', at: 5 };
    expect(readStoredEntry({ ...line, phrase: { key: 'notice.joined', params: { name: 'Alice' } } })?.phrase).toEqual({ key: 'notice.joined', params: { name: 'Alice' } });
    expect(readStoredEntry(line)).toEqual(line);
    expect(readStoredEntry({ ...line, phrase: { key: 'notice.joined', params: { name: { html: '<b>' } } } })).toBeNull();
    expect(readStoredEntry({ ...line, phrase: { key: 'x'.repeat(101) } })).toBeNull();
  });
});
