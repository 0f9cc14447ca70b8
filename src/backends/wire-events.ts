import type { ChatEvent, Party } from '../core/chat-events';

/** The fields GWS and GMS transcript entries share. */
export interface WireMessage {
  index: number;
  type: string;
  from: { nickname: string; type: string };
  text?: string;
  utcTime?: number;
  clientMessageId?: string;
}

/**
 * Maps one vendor transcript entry to the shared event model, given that vendor's names for
 * event types and participant types. Unknown types are skipped, not fatal: servers add kinds.
 */
export function toSharedEvent(
  m: WireMessage,
  types: Readonly<Record<string, ChatEvent['type']>>,
  parties: Readonly<Record<string, Party>>,
): ChatEvent | null {
  const type = types[m.type];
  if (!type) return null;
  return {
    index: m.index,
    type,
    party: parties[m.from.type] ?? 'system',
    nickname: m.from.nickname,
    ...(m.text === undefined ? {} : { text: m.text }),
    ...(m.utcTime === undefined ? {} : { at: m.utcTime }),
    ...(m.clientMessageId === undefined ? {} : { clientMessageId: m.clientMessageId }),
  };
}
