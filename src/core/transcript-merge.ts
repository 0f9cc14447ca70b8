import type { ChatEvent } from './chat-events';
import { statusForAgents, type ChatSession, type TranscriptEntry } from './chat-session';
import { inEnglish, phrase, type Phrase } from './i18n/visitor';

/**
 * Merges backend events into a session: each backend index is applied once, whatever
 * order or how many times it arrives (a re-read after a restart repeats events). The
 * visitor's own messages come back from the backend too; they are matched to the pending
 * entry (by client id, else by text) instead of being shown twice.
 */
export function mergeEvents(session: ChatSession, events: readonly ChatEvent[], now: number): ChatSession {
  const seen = new Set(session.transcript.flatMap((e) => (e.index === undefined ? [] : [e.index])));
  const fresh = events.filter((e) => !seen.has(e.index)).sort((a, b) => a.index - b.index);
  let s = session;
  for (const event of fresh) {
    s = applyEvent(s, event, now);
    seen.add(event.index);
  }
  const lastIndex = Math.max(session.lastIndex, ...fresh.map((e) => e.index));
  if (s === session && lastIndex === session.lastIndex) return session;
  return { ...s, lastIndex, transcript: inBackendOrder(s.transcript) };
}

/**
 * The backend's order is the truth both sides share: numbered lines sorted by index, lines
 * not numbered yet (the visitor's pending messages, local notices) after them, as they were.
 */
function inBackendOrder(transcript: TranscriptEntry[]): TranscriptEntry[] {
  return [...transcript].sort((a, b) => (a.index ?? Number.POSITIVE_INFINITY) - (b.index ?? Number.POSITIVE_INFINITY));
}

function applyEvent(s: ChatSession, e: ChatEvent, now: number): ChatSession {
  const at = e.at ?? now;
  const line = (kind: TranscriptEntry['kind'], text: string, event?: TranscriptEntry['event']): TranscriptEntry => ({
    key: `i${e.index}`, index: e.index, kind, from: e.party, nickname: e.nickname, text, at, ...(event ? { event } : {}),
  });
  /** A notice Beckon words: English text, and the phrase each UI shows in its language. */
  const notice = (said: Phrase, event: TranscriptEntry['event']): TranscriptEntry => ({ ...line('notice', inEnglish(said), event), phrase: said });
  switch (e.type) {
    case 'message':
      if (e.party === 'visitor') return confirmOwnMessage(s, e, at);
      return { ...s, agentTyping: false, transcript: [...s.transcript, line('message', e.text ?? '')] };
    case 'joined': {
      if (e.party !== 'agent') return s;
      const agents = s.agents.includes(e.nickname) ? s.agents : [...s.agents, e.nickname];
      return {
        ...s,
        status: s.status === 'ended' ? 'ended' : statusForAgents(agents, true),
        agents,
        transcript: [...s.transcript, notice(phrase('notice.joined', { name: e.nickname }), 'joined')],
      };
    }
    case 'left': {
      if (e.party === 'visitor') return s;
      const agents = s.agents.filter((a) => a !== e.nickname);
      // The last agent leaving is not the end by itself: a transfer looks the same until
      // the backend says the chat is over (then the runner ends it).
      return {
        ...s,
        status: s.status === 'ended' ? 'ended' : statusForAgents(agents, true),
        agents,
        agentTyping: false,
        transcript: [...s.transcript, notice(phrase('notice.left', { name: e.nickname }), 'left')],
      };
    }
    case 'typing-started':
    case 'typing-stopped':
      return e.party === 'visitor' ? s : { ...s, agentTyping: e.type === 'typing-started' };
    case 'notice':
      return { ...s, transcript: [...s.transcript, line('notice', e.text ?? '')] };
    case 'file':
      if (e.party === 'visitor') return confirmOwnFile(s, e, at);
      return { ...s, agentTyping: false, transcript: [...s.transcript, { ...line('file', e.file?.name ?? 'a file'), ...(e.file ? { file: e.file } : {}) }] };
    case 'file-deleted': {
      const id = e.file?.id;
      // The line stays, marked: what was said about the file still reads right.
      return { ...s, transcript: s.transcript.map((t) => (t.file && id !== undefined && t.file.id === id ? { ...t, file: { ...t.file, deleted: true } } : t)) };
    }
  }
}

/**
 * The visitor's own file, back from the server: matched to the upload it came from (by the
 * upload's id where the server echoes it, else by name and size), so a retried upload whose
 * first try got through shows once, as sent.
 */
function confirmOwnFile(s: ChatSession, e: ChatEvent, at: number): ChatSession {
  const f = e.file;
  const unconfirmed = s.transcript.filter((t) => t.kind === 'file' && t.from === 'visitor' && t.index === undefined);
  const match =
    unconfirmed.find((t) => e.clientMessageId !== undefined && t.clientMessageId === e.clientMessageId) ??
    unconfirmed.find((t) => f !== undefined && t.file?.name === f.name && (f.size === undefined || t.file.size === f.size));
  if (!match) {
    const entry: TranscriptEntry = { key: `i${e.index}`, index: e.index, kind: 'file', from: 'visitor', nickname: e.nickname, text: f?.name ?? 'a file', at, ...(f ? { file: f } : {}) };
    return { ...s, transcript: [...s.transcript, entry] };
  }
  const { failure: _failure, ...rest } = match;
  return {
    ...s,
    transcript: s.transcript.map((t) => (t === match ? { ...rest, index: e.index, delivery: 'sent' as const, file: { ...match.file!, ...f } } : t)),
  };
}

function confirmOwnMessage(s: ChatSession, e: ChatEvent, at: number): ChatSession {
  const match =
    s.transcript.find((t) => t.index === undefined && t.clientMessageId !== undefined && t.clientMessageId === e.clientMessageId) ??
    s.transcript.find((t) => t.index === undefined && t.from === 'visitor' && t.kind === 'message' && t.text === e.text);
  if (!match) {
    // Sent from elsewhere (another device, or before a reinstall): show it as it came.
    const entry: TranscriptEntry = {
      key: `i${e.index}`, index: e.index, kind: 'message', from: 'visitor', nickname: e.nickname, text: e.text ?? '', at,
    };
    return { ...s, transcript: [...s.transcript, entry] };
  }
  return {
    ...s,
    transcript: s.transcript.map((t) => (t === match ? { ...t, index: e.index, delivery: 'sent' } : t)),
  };
}
