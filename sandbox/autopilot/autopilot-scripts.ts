/**
 * Managing the autopilot's scripts: store, validate, switch per queue, delete, and the ready
 * scripts shipped in `autopilot/scripts/`. Every script is validated against the running
 * Sandbox before it is stored or switched on; saving the script a queue runs reloads it there
 * at once (running chats take it for their next visitor message). At start, the command line's
 * `--autopilot` files are stored and switched on, then every queue's stored choice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Code, GwsError } from '../engine/errors.ts';
import type { Autopilot } from './autopilot.ts';
import type { CompiledScript } from './chat-run.ts';
import { autopilotAgentName, type QueueSetting, SCRIPT_NAME, type ScriptLibrary, type StoredScript } from './library.ts';
import { compileReplies } from './matching.ts';
import type { CheckContext } from './script-check.ts';
import { formatScriptError, parseScript, type ScriptError } from './script-parse.ts';

/** A script the caller gave by name and text (the CLI's files, the console's editor). */
export interface ScriptSource {
  name: string;
  source: string;
}

/** A script that does not validate: code 10, with every error (line, field, sentence). */
export class ScriptRefused extends GwsError {
  constructor(readonly scriptName: string, readonly errors: ScriptError[]) {
    super(Code.Validation, `${formatScriptError(scriptName, errors[0]!)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }

  /** Every error as `name:line: field: sentence`. */
  lines(): string[] {
    return this.errors.map((e) => formatScriptError(this.scriptName, e));
  }
}

const SHIPPED = new URL('./scripts/', import.meta.url);

/** The script files shipped with the Sandbox (read once). */
export const templates: () => ScriptSource[] = (() => {
  let cached: ScriptSource[] | undefined;
  return () => (cached ??= readdirSync(SHIPPED).sort().map((name) => ({ name, source: readFileSync(new URL(name, SHIPPED), 'utf8') })));
})();

/** The script operations of one running Sandbox. */
export class AutopilotScripts {
  constructor(
    private readonly library: ScriptLibrary,
    private readonly autopilot: Autopilot,
    /** The queues and human agents scripts may name, now. */
    private readonly context: () => CheckContext,
  ) {}

  /** Parses `source` against the running Sandbox, or throws ScriptRefused. */
  compile(name: string, source: string): CompiledScript {
    const parsed = parseScript(source, this.context());
    if (!parsed.ok) throw new ScriptRefused(name, parsed.errors);
    return { name, script: parsed.script, replies: compileReplies(parsed.script.replies) };
  }

  /** Stores a script (validated first); a queue running it takes the new version at once. */
  save({ name, source }: ScriptSource): StoredScript {
    if (!SCRIPT_NAME.test(name)) throw new GwsError(Code.Validation, "Invalid parameter 'name': must be 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
    const compiled = this.compile(name, source);
    const before = this.library.queues().filter((q) => q.script === name);
    this.library.save(name, source, compiled.script.queue);
    for (const q of before) this.autopilot.setScript(q.queue, q.agent, q.queue === compiled.script.queue ? compiled : null);
    return this.library.script(name)!;
  }

  /** Deletes a script, switching the autopilot off wherever it ran. */
  remove(name: string): void {
    if (!this.library.script(name)) throw new GwsError(Code.NotFound, `No autopilot script named '${name}'.`);
    const running = this.library.queues().filter((q) => q.script === name);
    this.library.remove(name);
    for (const q of running) this.autopilot.setScript(q.queue, q.agent, null);
  }

  /** Switches script `name` on for `queue` (null: the autopilot off there). */
  select(queue: string, name: string | null): QueueSetting {
    if (!this.context().queues.includes(queue)) throw new GwsError(Code.NotFound, `Queue '${queue}' is not known to this Sandbox. Known queues: ${this.context().queues.join(', ')}.`);
    let compiled: CompiledScript | null = null;
    if (name !== null) {
      const stored = this.library.script(name);
      if (!stored) throw new GwsError(Code.NotFound, `No autopilot script named '${name}'.`);
      compiled = this.compile(name, stored.source);
      if (compiled.script.queue !== queue) {
        throw new GwsError(Code.InvalidState, `Script '${name}' serves queue '${compiled.script.queue}', not '${queue}'.`);
      }
    }
    const setting = this.settingOf(queue);
    this.library.select(queue, name);
    this.autopilot.setScript(queue, setting.agent, compiled);
    return { ...setting, script: name };
  }

  /** At start: stores and switches on the command line's scripts, then each queue's stored choice. */
  start(fromCommandLine: readonly ScriptSource[]): void {
    const compiled = fromCommandLine.map((s) => ({ s, c: this.compile(s.name, s.source) }));
    const queues = compiled.map(({ c }) => c.script.queue);
    const twice = queues.find((q, i) => queues.indexOf(q) !== i);
    if (twice) throw new GwsError(Code.Validation, `Two autopilot scripts serve queue '${twice}'; give one script per queue.`);
    for (const { s, c } of compiled) {
      this.library.save(s.name, s.source, c.script.queue);
      this.settingOf(c.script.queue);
      this.library.select(c.script.queue, s.name);
    }
    for (const q of this.library.queues()) {
      const stored = q.script === null ? undefined : this.library.script(q.script);
      if (!stored) {
        this.autopilot.setScript(q.queue, q.agent, null);
        continue;
      }
      try {
        this.autopilot.setScript(q.queue, q.agent, this.compile(stored.name, stored.source));
      } catch (err) {
        // The Sandbox changed (a queue or an agent gone): the console shows why it is off.
        this.autopilot.setScript(q.queue, q.agent, null, err instanceof ScriptRefused ? err.lines().join('\n') : (err as Error).message);
      }
    }
  }

  /** The queue's setting, giving the autopilot an agent there on first use (never a configured agent's name). */
  private settingOf(queue: string): QueueSetting {
    return this.library.queue(queue, (taken) => autopilotAgentName(queue, new Set([...taken, ...this.context().agents])));
  }
}
