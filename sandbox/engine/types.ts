/**
 * Shapes the Sandbox hands out on the wire. They follow the GWS Customer Chat API v2 and
 * the GWS 8.5.0 agent interaction operations (see sandbox/README.md); fields marked
 * "Sandbox extra" are additions that clients must not require.
 */

/** Who a participant is. `External` is a system participant (GWS sample clients map it). */
export type ParticipantType = 'Customer' | 'Agent' | 'External';

/**
 * Message types the Sandbox produces. Clients should accept unknown ones too. The last five
 * come only from the GMS dialect's operations (nickname, custom notice, push URL, files) and
 * keep their GMS names (ChatV2MessageType.swift).
 */
export type MessageType =
  | 'Text'
  | 'ParticipantJoined'
  | 'ParticipantLeft'
  | 'TypingStarted'
  | 'TypingStopped'
  | 'NicknameUpdated'
  | 'CustomNotice'
  | 'PushUrl'
  | 'FileUploaded'
  | 'FileDeleted';

/** Customer-visible chat states (GWS `chat.state`). */
export type ChatState = 'WaitingForAgent' | 'Chatting' | 'Idle';

/** Agent-side interaction states. */
export type InteractionState = 'Offered' | 'Chatting' | 'Ended';

/** Agent availability. */
export type AgentState = 'Ready' | 'NotReady';

/** An agent's availability on one queue. */
export interface QueueState {
  name: string;
  state: AgentState;
}

/** What `GET /api/v2/me` and `AgentStateChanged` report about an agent. */
export interface AgentView {
  name: string;
  /** Ready when the agent is Ready on at least one queue (or on queues yet to appear). */
  state: AgentState;
  /** Every queue known to the Sandbox, in its order, with this agent's state on it. */
  queues: QueueState[];
  /** The state for queues not known yet (a chat requested on a new queue). */
  otherQueues: AgentState;
}

/** A queue as customers see it in `/api/v2/queues/availability` (Sandbox extra). */
export interface QueueAvailability {
  name: string;
  readyAgents: number;
}

/** A chat participant as GWS describes it. */
export interface Participant {
  nickname: string;
  participantId: string;
  type: ParticipantType;
}

/** Who may see a message or participant: everyone, or agents only (consultation). */
export type Visibility = 'All' | 'Agents';

/**
 * One transcript entry as the customer sees it. `index` starts at 1 and is dense per chat;
 * the customer sees gaps where agents-only messages sit.
 */
export interface ChatMessage {
  index: number;
  type: MessageType;
  from: Participant;
  text?: string;
  /** Sandbox extra: server time in epoch milliseconds. */
  utcTime: number;
  /** Sandbox extra, customer view only: the `clientMessageId` a customer `Text` was sent with. */
  clientMessageId?: string;
  /** FileUploaded / FileDeleted only: the file's `file-id`, `file-name`, `file-size`, … as GMS shows them. */
  userData?: Record<string, string>;
}

/** A transcript entry as agents see it: every message, with its visibility. */
export interface AgentMessage extends ChatMessage {
  visibility: Visibility;
}

/** How an agent takes part in a chat: Primary (accepted it), Conference (joined it), Consultant (advises, agents only). */
export type AgentRole = 'Primary' | 'Conference' | 'Consultant';

/** Why a chat is offered to an agent. */
export interface Offer {
  kind: 'Queue' | 'Transfer' | 'Consultation';
  /** The agent who transferred the chat or asked for the consultation. */
  from: string | null;
}

/** A consultation in progress in a chat. */
export interface Consultation {
  /** The consulted agent. */
  agent: string;
  state: 'Invited' | 'Joined';
  startedBy: string;
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
  messages: AgentMessage[];
  /** This agent's part in the chat; null while it is only offered. */
  role: AgentRole | null;
  /** Why it is offered (state Offered only), else null. */
  offer: Offer | null;
  /** The consultation in progress, if any (seen by every agent in the chat). */
  consultation: Consultation | null;
  /** Sandbox extra: the dialect the customer chats through; files reach only GMS customers. */
  customerApi: 'GWS' | 'GMS';
}

/** An Interaction without its transcript: what InteractionUpdated carries (messages come as MessageLogUpdated). */
export type InteractionSummary = Omit<Interaction, 'messages'>;

/** The GWS Customer Chat API's operations on an open chat (protocols.md §1.1), in the order GetChat lists them. */
export const GWS_CUSTOMER_OPERATIONS = [
  'SendMessage',
  'SendStartTypingNotification',
  'SendStopTypingNotification',
  'Complete',
] as const;

/** Sandbox extras (seed 002's setUserData / deleteUserData, see engine/user-data.ts); off in vendor-exact mode. */
export const EXTRA_CUSTOMER_OPERATIONS = ['UpdateUserData', 'DeleteUserData'] as const;

/** Every customer operation of the Sandbox with its extras on. */
export const CUSTOMER_OPERATIONS = [...GWS_CUSTOMER_OPERATIONS, ...EXTRA_CUSTOMER_OPERATIONS] as const;

/** Agent operations on `/api/v2/me/interactions/{id}` (seed 004's set). */
export const AGENT_OPERATIONS = [
  'Accept',
  'Reject',
  'SendMessage',
  'SendNotification',
  'Transfer',
  'StopProcessing',
  'RequestChatHistory',
  'StartChatConsultation',
  'CompleteTransfer',
  'CompleteConference',
  'UpdateUserData',
] as const;
