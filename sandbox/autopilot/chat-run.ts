/**
 * The autopilot in one chat, from its Accept until it leaves: it greets, answers each visitor
 * message with the reply the script in force at that moment chooses (typing notice first, then
 * the message after a delay that grows with its length), runs the reply's steps, and closes the
 * chat when the visitor goes quiet or leaves. Everything it does goes through `act`, the agent
 * operations a human agent's HTTP calls run.
 *
 * Its actions run one after another (a promise chain), so two quick visitor messages get two
 * replies in order, never interleaved. It has at most one pending timer of its own (the current
 * pause or typing delay) plus the quiet timer, and `finish()` cancels both. It replies only
 * while it alone handles the customer: with a human in the chat (a conference) it stays silent.
 */
import type { AgentMessage } from '../engine/types.ts';
import type { ChatLook } from './chat-look.ts';
import { type CompiledReply, chooseReply } from './matching.ts';
import { fillPlaceholders } from './placeholders.ts';
import type { Script, ScriptSay, ScriptStep } from './script-schema.ts';
import { abortError, isAbort, type TimerSet } from './timers.ts';
import { typingDelayMs } from './typing-delay.ts';

/** A script ready to run: its name, the script, its replies compiled. */
export interface CompiledScript {
  name: string;
  script: Script;
  replies: CompiledReply[];
}

/** What a run needs from the autopilot that owns it. */
export interface RunContext {
  readonly agent: string;
  readonly chatId: string;
  readonly timers: TimerSet;
  /** The script in force for this agent's queue now (null: none, the run stays silent). */
  script(): CompiledScript | null;
  /** Runs an agent operation as this agent on this chat (throws the operation's GwsError). */
  act(body: Record<string, unknown>): void;
  look(): ChatLook;
  /** The run is over (`reason` says why, for the console). */
  finished(reason: string): void;
  /** An operation failed in a way the run did not expect. */
  failed(err: unknown): void;
}

/** Most characters of one message (the agent API's SendMessage limit). */
const MAX_TEXT = 4000;

/** One autopilot chat. */
export class ChatRun {
  private readonly abort = new AbortController();
  private chain: Promise<void> = Promise.resolve();
  private cancelQuiet: (() => void) | null = null;
  private conferenceWith: string | null = null;
  /** Why the run is over; null while it runs. */
  reason: string | null = null;

  constructor(private readonly ctx: RunContext, private lastIndex: number) {}

  get done(): boolean {
    return this.reason !== null;
  }

  /** Says the script's greeting (after Accept). */
  greet(): void {
    const s = this.ctx.script();
    if (s?.script.greeting) this.enqueue(() => this.perform(s.script, s.script.greeting!));
    this.restartQuiet();
  }

  /** Takes the chat's new messages (the engine's `chat` event), then its state. */
  update(messages: readonly AgentMessage[]): void {
    if (this.done) return;
    const look = this.ctx.look();
    if (!look.member) return this.finish('it is no longer in the chat');
    if (look.ended) {
      this.finish('the visitor left');
      return this.ctx.act({ operationName: 'StopProcessing' }); // closes its side, as an agent does (the caller catches)
    }
    for (const m of messages) {
      if (m.index <= this.lastIndex) continue;
      this.lastIndex = m.index;
      if (m.from.type !== 'Customer' || m.visibility !== 'All') continue;
      if (m.type === 'Text' || m.type === 'TypingStarted') this.restartQuiet();
      if (m.type === 'Text' && look.soleHandler) this.reply(m.text ?? '');
    }
    if (!look.soleHandler) this.stopQuiet();
    else if (!this.cancelQuiet) this.restartQuiet();
    this.completeConference(look);
  }

  /** Ends the run: cancels its timers and whatever it was about to do. */
  finish(reason: string): void {
    if (this.done) return;
    this.reason = reason;
    this.abort.abort();
    this.stopQuiet();
    this.ctx.finished(reason);
  }

  private reply(text: string): void {
    const s = this.ctx.script();
    const choice = s && chooseReply(s.replies, s.script, text);
    if (!choice) return;
    const say: ScriptSay | { say?: string[]; then?: ScriptStep[] } = choice.kind === 'reply' ? choice.reply : choice.say;
    this.enqueue(() => this.perform(s.script, say));
  }

  private enqueue(action: () => Promise<void>): void {
    this.chain = this.chain.then(() => (this.done ? undefined : action())).catch((err: unknown) => {
      if (!isAbort(err)) this.ctx.failed(err);
    });
  }

  private async perform(script: Script, what: { say?: string[]; then?: ScriptStep[] }): Promise<void> {
    for (const text of what.say ?? []) await this.type(script, text);
    for (const step of what.then ?? []) if (await this.step(step)) return;
  }

  /** Typing notice, a delay that grows with the length, then the message. */
  private async type(script: Script, template: string): Promise<void> {
    const text = fillPlaceholders(template, this.ctx.look().userData).slice(0, MAX_TEXT);
    if (text.trim() === '') return; // every placeholder empty: nothing to say
    await this.sleep(script.typing.pauseMs);
    this.guard();
    this.ctx.act({ operationName: 'SendNotification', notifcation: 'TypingStarted' });
    try {
      await this.sleep(typingDelayMs(text, script.typing));
      this.guard();
    } catch (err) {
      const look = this.done ? null : this.ctx.look();
      if (look?.member && !look.ended) this.ctx.act({ operationName: 'SendNotification', notifcation: 'TypingStopped' });
      throw err;
    }
    this.ctx.act({ operationName: 'SendMessage', text }); // a Text ends the typing notice
    this.restartQuiet();
  }

  /** Runs one step; true when the autopilot left the chat with it. */
  private async step(s: ScriptStep): Promise<boolean> {
    if (s.wait !== undefined) {
      await this.sleep(s.wait * 1000);
      return false;
    }
    this.guard();
    if (s.transfer) {
      this.ctx.act({ operationName: 'Transfer', ...(s.transfer.queue !== undefined ? { queueName: s.transfer.queue } : { agentId: s.transfer.agent }) });
      this.finish(s.transfer.queue !== undefined ? `it transferred the chat to queue ${s.transfer.queue}` : `it transferred the chat to ${s.transfer.agent}`);
      return true;
    }
    if (s.consult !== undefined || s.conference !== undefined) {
      this.ctx.act({ operationName: 'StartChatConsultation', agentId: s.consult ?? s.conference });
      if (s.conference !== undefined) this.conferenceWith = s.conference;
      return false;
    }
    if (s.setUserData) {
      const data = this.ctx.look().userData;
      const values = Object.fromEntries(Object.entries(s.setUserData).map(([k, v]) => [k, fillPlaceholders(v, data).slice(0, 1000)]));
      this.ctx.act({ operationName: 'UpdateUserData', userData: values });
      return false;
    }
    this.ctx.act({ operationName: 'StopProcessing' }); // end
    this.finish('it ended the chat');
    return true;
  }

  /** A `conference` step: once the consulted agent has joined, bring them into the chat. */
  private completeConference(look: ChatLook): void {
    if (this.conferenceWith === null) return;
    if (look.consultant?.agent !== this.conferenceWith) this.conferenceWith = null; // declined, or gone
    else if (look.consultant.status === 'Joined') {
      this.conferenceWith = null;
      this.ctx.act({ operationName: 'CompleteConference' });
    }
  }

  /** Stops the current action unless the autopilot still handles the open chat alone. */
  private guard(): void {
    const look = this.ctx.look();
    if (this.done || !look.member || look.ended || !look.soleHandler) throw abortError();
  }

  private sleep(ms: number): Promise<void> {
    return this.ctx.timers.sleep(ms, this.abort.signal);
  }

  private restartQuiet(): void {
    this.stopQuiet();
    const quiet = this.ctx.script()?.script.endWhenQuiet;
    if (!quiet || this.done) return;
    this.cancelQuiet = this.ctx.timers.after(quiet.after * 1000, () => {
      this.cancelQuiet = null;
      this.enqueue(async () => {
        const s = this.ctx.script();
        for (const text of s?.script.endWhenQuiet?.say ?? []) await this.type(s!.script, text);
        this.guard();
        this.ctx.act({ operationName: 'StopProcessing' });
        this.finish('it closed the chat after the visitor went quiet');
      });
    });
  }

  private stopQuiet(): void {
    this.cancelQuiet?.();
    this.cancelQuiet = null;
  }
}
