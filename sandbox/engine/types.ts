/**
 * Shapes the Sandbox hands out on the wire. They follow the GWS Customer Chat API v2 and
 * the GWS 8.5.0 agent interaction operations (see sandbox/README.md); fields marked
 * "Sandbox extra" are additions that clients must not require.
 */

/** Who a participant is. `External` is a system participant (GWS sample clients map it). */
export type ParticipantType = 'Customer' | 'Agent' | 'External';

/** Message types the Sandbox produces. Clients should accept unknown ones too. */
export type MessageType =
  | 'Text'
  | 'ParticipantJoined'
  | 'ParticipantLeft'
  | 'TypingStarted'
  | 'TypingStopped';

/** Customer-visible chat states (GWS `chat.state`). */
export type ChatState = 'WaitingForAgent' | 'Chatting' | 'Idle';

/** Agent-side interaction states. */
export type InteractionState = 'Offered' | 'Chatting' | 'Ended';

/** Agent availability. */
export type AgentState = 'Ready' | 'NotReady';

/** A chat participant as GWS describes it. */
export interface Participant {
  nickname: string;
  participantId: string;
  type: ParticipantType;
}

/** One transcript entry. `index` starts at 1 and is dense per chat. */
export interface ChatMessage {
  index: number;
  type: MessageType;
  from: Participant;
  text?: string;
  /** Sandbox extra: server time in epoch milliseconds. */
  utcTime: number;
}

/** Reply body of GetChat (without the envelope). */
export interface CustomerChatView {
  id: string;
  state: ChatState;
  capabilities: string[];
  participants: Participant[];
  /** Sandbox extra: true once the customer completed or the agent stopped processing. */
  ended: boolean;
}

/** A chat as an agent sees it in `/api/v2/me/interactions` and notifications. */
export interface Interaction {
  id: string;
  state: InteractionState;
  queue: string;
  subject: string | null;
  customer: { nickname: string };
  userData: Record<string, string>;
  createdAt: number;
  endedAt: number | null;
  participants: Participant[];
  messages: ChatMessage[];
}

/** Customer operations valid while a chat is open, in the order GetChat lists them. */
export const CUSTOMER_OPERATIONS = [
  'SendMessage',
  'SendStartTypingNotification',
  'SendStopTypingNotification',
  'Complete',
] as const;

/** Agent operations on `/api/v2/me/interactions/{id}`. */
export const AGENT_OPERATIONS = ['Accept', 'SendMessage', 'SendNotification', 'StopProcessing'] as const;
