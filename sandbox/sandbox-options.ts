/**
 * What startSandbox() (server.ts) takes and what it hands back; server.ts re-exports both.
 */
import type { ScriptSource } from './autopilot/autopilot-scripts.ts';
import type { FileLimits } from './files/limits.ts';
import type { AgentCredential } from './routes/agent-guard.ts';

/** Options of startSandbox. */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind; loopback unless you really mean otherwise. */
  host?: string;
  /** Directory holding sandbox.db (created if missing). */
  dataDir: string;
  /** The ContactCenterId customers must send; defaults to DEFAULT_CONTACT_CENTER_ID. */
  contactCenterId?: string;
  /** Agent logins; defaults to DEMO_AGENTS. */
  agents?: AgentCredential[];
  /** Queues known from the start (besides any a chat is requested on); defaults to DEFAULT_QUEUES. */
  queues?: string[];
  /** Silence internal-error logging (tests). */
  quiet?: boolean;
  /** Period of the SSE `: keepalive` comment, in ms (default 15000; tests shorten it). */
  keepaliveMs?: number;
  /** Turns on the fault injector, `GET|POST /api/sandbox/faults` (demos and tests; default off). */
  faults?: boolean;
  /**
   * The long-poll extra (default true). False: a server without it, like a real GWS server: no
   * `X-Beckon-LongPoll` header, no `LongPoll` capability, and GetMessages' `wait` is an ordinary read.
   */
  longPoll?: boolean;
  /**
   * Vendor-exact mode (default false): every Sandbox extra off, so the customer APIs answer only
   * what the Genesys documentation shows (see README, *Vendor-exact mode*): no long-poll (implies
   * `longPoll: false`; asking for both is refused), no `chatEnded` / `ended` / `utcTime` /
   * `clientMessageId` on GWS, no customer user data calls or queue availability, and a chat the
   * customer completed is gone (code 6). GMS replies lose `statusMessage` and `clientMessageId`.
   */
  vendorExact?: boolean;
  /**
   * The GMS file limits (files/limits.ts; defaults DEFAULT_FILE_LIMITS: 10 MiB a file, 5 files and
   * 95 MiB a chat, gif jpeg jpg pdf png txt zip, 10 downloads a chat, no agent needed).
   */
  fileLimits?: Partial<FileLimits>;
  /** Bearer token of the Sandbox CRM API (`/api/crm/*`); defaults to DEFAULT_CRM_TOKEN. */
  crmToken?: string;
  /**
   * Longest time a batch of writes stays open before it commits, in ms. 0 (default): at the end
   * of the event-loop turn that opened it. Replies wait for it either way (tests widen it).
   */
  commitDelayMs?: number;
  /**
   * Autopilot scripts to store and switch on at start (the CLI's `--autopilot` files): `name` is
   * the file name, `source` its YAML or JSON. One per queue; a script that does not validate
   * refuses the start with a ScriptRefused (autopilot/autopilot-scripts.ts) naming each line.
   */
  autopilot?: ScriptSource[];
}

/** A running Sandbox. */
export interface RunningSandbox {
  url: string;
  port: number;
  contactCenterId: string;
  agents: AgentCredential[];
  queues: string[];
  /**
   * Live counters, for tests, the e2e harness and the benchmarks (chatListeners: engine `chat`
   * subscribers; requests: HTTP requests received since start, on any route; longPollWakeups:
   * held long-polls a chat change made look at their chat; feedViews: interaction views the
   * agent feed built for chat changes; batches and writes: commits of the group commit and
   * the writes they held; checkpoints: WAL checkpoints the worker ran; autopilotChats: chats
   * the autopilot is in; autopilotTimers: its pending timers, 0 once nothing runs).
   */
  stats(): {
    openNotificationStreams: number; heldLongPolls: number; chatListeners: number; requests: number;
    longPollWakeups: number; feedViews: number; batches: number; writes: number; checkpoints: number;
    autopilotChats: number; autopilotTimers: number;
  };
  /** Ends notification streams, stops listening and closes the database. Idempotent. */
  close(): Promise<void>;
}
