/**
 * GMS transcript entries (protocols.md §3.1, ChatV2MessageType.swift) mapped to the shared
 * event model. Besides the types GWS shares (wire-events.ts): `FileUploaded` / `FileDeleted`
 * are file events (gms-file-wire.ts); `CustomNotice` is a notice; an agent's `PushUrl` (a page
 * pushed to the visitor) is a notice naming the link, http(s) only, since Beckon opens no
 * page for the visitor; `NicknameUpdated` is a notice of the new name. `IdleAlert` /
 * `IdleClose` (push notifications only) and unknown types are skipped.
 */
import type { ChatEvent, Party } from '../core/chat-events';
import { cleanText } from './file-names';
import { fileEvent, who } from './gms-file-wire';
import type { GmsMessage } from './gms-wire';
import { toSharedEvent } from './wire-events';

const TYPES: Record<string, ChatEvent['type']> = {
  Message: 'message',
  ParticipantJoined: 'joined',
  ParticipantLeft: 'left',
  TypingStarted: 'typing-started',
  TypingStopped: 'typing-stopped',
  Notice: 'notice',
  CustomNotice: 'notice',
};

// A supervisor who barges in speaks to the visitor as one of the agents.
const PARTIES: Record<string, Party> = { Client: 'visitor', Agent: 'agent', Supervisor: 'agent' };

/** The longest pushed URL shown (the Sandbox's limit for pushUrl). */
const URL_MAX = 2048;

/** A pushed link as a notice, if it is an http(s) URL. */
function pushedUrl(text: string | undefined, base: Omit<ChatEvent, 'type'>): ChatEvent | null {
  let url: URL;
  try {
    url = new URL((text ?? '').trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.href.length > URL_MAX) return null;
  return { ...base, type: 'notice', text: `${who(base.party, base.nickname)} shared a link: ${url.href}` };
}

/** A changed name as a notice (the new name is the message's text, and its sender's nickname). */
function nicknameChange(text: string | undefined, base: Omit<ChatEvent, 'type'>): ChatEvent | null {
  const name = cleanText(text ?? base.nickname, 100);
  if (name === '' || base.party === 'system') return null;
  return { ...base, type: 'notice', text: base.party === 'visitor' ? `Your name in the chat is now ${name}.` : `The agent's name is now ${name}.` };
}

/** Maps one GMS transcript entry to the shared model, or null for one that is skipped. */
export function toChatEvent(m: GmsMessage): ChatEvent | null {
  if (m.index === undefined) return null; // not part of the transcript
  const entry = { ...m, index: m.index };
  // Messages, joins and leaves (nearly every entry) go the shared way; only GMS's own kinds need `base`.
  if (m.type !== 'FileUploaded' && m.type !== 'FileDeleted' && m.type !== 'PushUrl' && m.type !== 'NicknameUpdated') return toSharedEvent(entry, TYPES, PARTIES);
  const base: Omit<ChatEvent, 'type'> = {
    index: entry.index,
    party: PARTIES[m.from.type] ?? 'system',
    nickname: m.from.nickname,
    ...(m.utcTime === undefined ? {} : { at: m.utcTime }),
  };
  if (m.type === 'PushUrl') return pushedUrl(m.text, base);
  if (m.type === 'NicknameUpdated') return nicknameChange(m.text, base);
  return fileEvent(entry, base);
}
