/**
 * The autopilot: per queue, an agent of its own (Ready there, offered chats like any agent)
 * that a script drives. It listens to the engine's chat events: a chat offered to one of its
 * agents is accepted after the script's delay, and each chat it is in has a ChatRun. It acts
 * only through `runAgentOperation`, the code a human agent's `POST /api/v2/me/interactions/{id}`
 * runs, so the visitor, the CRM and the transcript see an agent like any other (but for its
 * nickname). Scripts are switched per queue (autopilot-scripts.ts); a new version applies to
 * the next visitor message of every chat of that queue. `close()` cancels every timer.
 */
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import type { ChatChanged } from '../engine/events.ts';
import type { Handoffs } from '../engine/handoff.ts';
import { runAgentOperation } from '../routes/agent-operations.ts';
import { type ChatLook, lookAt } from './chat-look.ts';
import { ChatRun, type CompiledScript, type RunContext } from './chat-run.ts';
import { TimerSet } from './timers.ts';

/** The autopilot on one queue. */
export interface Slot {
  queue: string;
  agent: string;
  /** The script switched on; after switching off, running chats keep the last one. */
  script: CompiledScript | null;
  on: boolean;
  /** Why the stored script could not be switched on at start, if so. */
  error: string | null;
}

/** A chat the autopilot is in. */
export interface RunEntry {
  run: ChatRun;
  slot: Slot;
  nickname: string;
  since: number;
  timers: TimerSet;
  lastError: string | null;
}

/** A chat the autopilot left or stopped on, remembered for the console (the most recent only). */
export interface FinishedRun {
  chatId: string;
  queue: string;
  agent: string;
  nickname: string;
  reason: string;
  at: number;
}

const HISTORY = 200;

/** The autopilot of one running Sandbox. */
export class Autopilot {
  readonly slots = new Map<string, Slot>();
  readonly runs = new Map<string, RunEntry>();
  /** Finished runs by `chatId agent` (a chat can pass from one autopilot queue to another). */
  readonly finished = new Map<string, FinishedRun>();
  /** Chats waiting for the accept delay: chat id → the agent and when it accepts. */
  readonly accepts = new Map<string, { agent: string; at: number; cancel: () => void }>();
  private readonly timers = new TimerSet();
  private readonly listener = (e: ChatChanged) => this.onChat(e);
  private closed = false;

  constructor(readonly desk: AgentDesk, readonly handoffs: Handoffs, private readonly log: (err: unknown) => void) {
    desk.events.on('chat', this.listener);
  }

  private get repo() {
    return this.desk.engine.repo;
  }

  /** Pending timers (accept delays, pauses, typing, quiet): 0 once nothing is running. */
  get pendingTimers(): number {
    return this.timers.size + [...this.runs.values()].reduce((n, e) => n + e.timers.size, 0);
  }

  /** Runs an agent operation as `agent`: the same function the agent API's route calls. */
  act(agent: string, chatId: string, body: Record<string, unknown>): void {
    if (this.closed) throw new GwsError(Code.InvalidState, 'The Sandbox is closing.');
    runAgentOperation(this.desk, this.handoffs, agent, chatId, body);
  }

  /** The chat as `agent` sees it now. */
  look(agent: string, chatId: string): ChatLook {
    return lookAt(this.repo, agent, chatId);
  }

  /**
   * Switches the queue's autopilot on with `script` (or off with null): its agent goes Ready on
   * that queue only (or NotReady), and on switching on, it picks up what is waiting for it.
   */
  setScript(queue: string, agent: string, script: CompiledScript | null, error: string | null = null): void {
    const slot = this.slots.get(queue) ?? { queue, agent, script: null, on: false, error: null };
    this.slots.set(queue, slot);
    this.desk.availability.addAgent(agent);
    slot.error = error;
    slot.on = script !== null;
    if (script) slot.script = script;
    this.desk.setState(agent, 'NotReady');
    if (!script) {
      for (const [chatId, a] of this.accepts) if (a.agent === agent) this.cancelAccept(chatId);
    } else {
      this.desk.setState(agent, 'Ready', [queue]);
      this.pickUp(slot);
    }
    this.changed(null);
  }

  /** A chat changed: its run takes the news, or it may be a chat to accept. */
  private onChat({ chatId, messages }: ChatChanged): void {
    if (this.closed) return;
    try {
      const entry = this.runs.get(chatId);
      if (entry) {
        entry.run.update(messages);
        return this.changed(chatId);
      }
      // Without a script switched on, the autopilot costs a Sandbox nothing per chat change.
      if (this.accepts.size > 0 || [...this.slots.values()].some((s) => s.on)) this.considerOffer(chatId);
    } catch (err) {
      this.fail(chatId, err);
    }
  }

  private considerOffer(chatId: string): void {
    const chat = this.repo.getChat(chatId);
    const slot = chat && this.slots.get(chat.queue);
    const offered = chat && slot?.on && slot.script && this.desk.routing.relation(slot.agent, chat).kind === 'offered';
    const pending = this.accepts.get(chatId);
    if (pending && (!offered || pending.agent !== slot!.agent)) this.cancelAccept(chatId);
    if (offered && !this.accepts.has(chatId)) this.scheduleAccept(slot!, chatId);
  }

  private scheduleAccept(slot: Slot, chatId: string): void {
    const ms = slot.script!.script.accept.after * 1000;
    const cancel = this.timers.after(ms, () => {
      this.accepts.delete(chatId);
      this.accept(slot, chatId);
    });
    this.accepts.set(chatId, { agent: slot.agent, at: Date.now() + ms, cancel });
    this.changed(chatId);
  }

  private cancelAccept(chatId: string): void {
    this.accepts.get(chatId)?.cancel();
    this.accepts.delete(chatId);
    this.changed(chatId);
  }

  private accept(slot: Slot, chatId: string): void {
    if (this.closed || !slot.on || !slot.script) return;
    const nickname = slot.script.script.accept.nickname;
    try {
      this.act(slot.agent, chatId, { operationName: 'Accept', nickname });
    } catch (err) {
      // Taken by someone else, or the visitor left, while the autopilot let it ring: not an error.
      if (err instanceof GwsError && err.code !== Code.Internal) return this.changed(chatId);
      return this.fail(chatId, err);
    }
    this.start(slot, chatId, nickname).greet();
  }

  /** Starts (or, after a restart or a failed takeover, resumes) the run of a chat `slot`'s agent is in. */
  start(slot: Slot, chatId: string, nickname: string): ChatRun {
    const timers = new TimerSet();
    const ctx: RunContext = {
      agent: slot.agent, chatId, timers,
      script: () => slot.script,
      act: (body) => this.act(slot.agent, chatId, body),
      look: () => this.look(slot.agent, chatId),
      finished: (reason) => this.ended(chatId, reason),
      failed: (err) => this.fail(chatId, err),
    };
    const run = new ChatRun(ctx, this.repo.messagesFrom(chatId, 0).at(-1)?.index ?? 0);
    this.runs.set(chatId, { run, slot, nickname, since: Date.now(), timers, lastError: null });
    this.finished.delete(`${chatId} ${slot.agent}`);
    this.changed(chatId);
    return run;
  }

  private ended(chatId: string, reason: string): void {
    const entry = this.runs.get(chatId);
    if (!entry) return;
    entry.timers.clear();
    this.runs.delete(chatId);
    this.finished.set(`${chatId} ${entry.slot.agent}`, { chatId, queue: entry.slot.queue, agent: entry.slot.agent, nickname: entry.nickname, reason, at: Date.now() });
    for (const old of this.finished.keys()) if (this.finished.size > HISTORY) this.finished.delete(old);
    this.changed(chatId);
  }

  /** An operation failed: a chat that changed under the run is checked again; anything else is logged. */
  private fail(chatId: string, err: unknown): void {
    const entry = this.runs.get(chatId);
    if (entry) entry.lastError = (err as Error).message;
    if (!(err instanceof GwsError) || err.code === Code.Internal) this.log(err);
    if (entry && !this.closed) {
      try {
        entry.run.update([]);
      } catch (again) {
        this.log(again);
      }
    }
  }

  /** What the agent of a slot just switched on finds: offers to accept, chats to resume, ended ones to close. */
  private pickUp(slot: Slot): void {
    for (const view of this.desk.routing.summaries(slot.agent)) {
      if (view.state === 'Offered' && view.offer?.kind === 'Queue') this.considerOffer(view.id);
      else if (view.state === 'Chatting' && !this.runs.has(view.id)) this.start(slot, view.id, this.nicknameIn(slot.agent, view.id)).update([]);
      else if (view.state === 'Ended') {
        try {
          this.act(slot.agent, view.id, { operationName: 'StopProcessing' });
        } catch (err) {
          this.fail(view.id, err);
        }
      }
    }
  }

  /** The nickname `agent` joined the chat under. */
  private nicknameIn(agent: string, chatId: string): string {
    const row = this.repo.chatAgents(chatId).find((r) => r.agent === agent);
    return this.repo.participant(chatId, row?.participantId ?? '')?.nickname ?? agent;
  }

  /** Tells the console (agents' streams) that the autopilot's state changed. */
  changed(chatId: string | null): void {
    if (!this.closed) this.desk.events.emit('autopilot', { chatId });
  }

  /** Stops everything: no timer, run or listener is left. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const entry of [...this.runs.values()]) entry.run.finish('the Sandbox is closing');
    this.desk.events.off('chat', this.listener);
    this.timers.clear();
    this.accepts.clear();
  }
}
