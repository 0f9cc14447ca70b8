/**
 * The autopilot's storage (`autopilot_scripts`, `autopilot_queues`; store/solo-demo-migration.ts):
 * scripts as their authors wrote them, and per queue the autopilot's agent and the script
 * switched on. Writes join the store's group commit, like every other write of the Sandbox.
 */
import type { Db } from '../store/db.ts';
import type { GroupCommit } from '../store/group-commit.ts';

/** A stored script. */
export interface StoredScript {
  name: string;
  source: string;
  /** The queue its source names. */
  queue: string;
  updatedAt: number;
}

/** A stored script as the console lists it: without its source. */
export type ScriptEntry = Omit<StoredScript, 'source'>;

/** A queue the autopilot has an agent on. */
export interface QueueSetting {
  queue: string;
  /** The autopilot's agent (login name) on this queue. */
  agent: string;
  /** The script switched on, or null (off). */
  script: string | null;
}

/** What a script may be called: a file name, as the CLI and the console's "Load file" give it. */
export const SCRIPT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

interface RawScript { name: string; source: string; queue: string; updated_at: number }
type RawEntry = Omit<RawScript, 'source'>;
interface RawQueue { queue: string; agent_name: string; script_name: string | null }

const toScript = (r: RawScript): StoredScript => ({ name: r.name, source: r.source, queue: r.queue, updatedAt: r.updated_at });
const toEntry = (r: RawEntry): ScriptEntry => ({ name: r.name, queue: r.queue, updatedAt: r.updated_at });
const toQueue = (r: RawQueue): QueueSetting => ({ queue: r.queue, agent: r.agent_name, script: r.script_name });

/** Scripts and queue settings over the database. */
export class ScriptLibrary {
  private readonly s;

  constructor(db: Db, private readonly commits: GroupCommit, private readonly now: () => number = Date.now) {
    this.s = {
      // The listing leaves the sources out: the console re-reads it on every autopilot change.
      entries: db.prepare<[], RawEntry>('SELECT name, queue, updated_at FROM autopilot_scripts ORDER BY name'),
      script: db.prepare<[string], RawScript>('SELECT * FROM autopilot_scripts WHERE name = ?'),
      upsert: db.prepare(`INSERT INTO autopilot_scripts (name, source, queue, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET source = excluded.source, queue = excluded.queue, updated_at = excluded.updated_at`),
      remove: db.prepare('DELETE FROM autopilot_scripts WHERE name = ?'),
      queues: db.prepare<[], RawQueue>('SELECT queue, agent_name, script_name FROM autopilot_queues ORDER BY queue'),
      insertQueue: db.prepare('INSERT INTO autopilot_queues (queue, agent_name, script_name, updated_at) VALUES (?, ?, NULL, ?)'),
      select: db.prepare('UPDATE autopilot_queues SET script_name = ?, updated_at = ? WHERE queue = ?'),
      unselect: db.prepare('UPDATE autopilot_queues SET script_name = NULL, updated_at = ? WHERE script_name = ?'),
    };
  }

  /** Every stored script, by name, without its source. */
  entries(): ScriptEntry[] {
    return this.s.entries.all().map(toEntry);
  }

  /** One script, or undefined. */
  script(name: string): StoredScript | undefined {
    const r = this.s.script.get(name);
    return r && toScript(r);
  }

  /** Stores (or replaces) a script; a queue it was switched on for and no longer names is switched off. */
  save(name: string, source: string, queue: string): void {
    this.commits.write(() => {
      this.s.upsert.run(name, source, queue, this.now());
      for (const q of this.queues()) if (q.script === name && q.queue !== queue) this.s.select.run(null, this.now(), q.queue);
    });
  }

  /** Deletes a script, switching it off wherever it was on. */
  remove(name: string): void {
    this.commits.write(() => {
      this.s.unselect.run(this.now(), name);
      this.s.remove.run(name);
    });
  }

  /** Every queue the autopilot has an agent on. */
  queues(): QueueSetting[] {
    return this.s.queues.all().map(toQueue);
  }

  /** The queue's setting, creating it (off) with a new agent name from `agentName` if there is none. */
  queue(queue: string, agentName: (taken: ReadonlySet<string>) => string): QueueSetting {
    const all = this.queues();
    const found = all.find((q) => q.queue === queue);
    if (found) return found;
    const agent = agentName(new Set(all.map((q) => q.agent)));
    this.commits.write(() => this.s.insertQueue.run(queue, agent, this.now()));
    return { queue, agent, script: null };
  }

  /** Switches `script` on for `queue` (null: off). The queue must have a setting (see `queue`). */
  select(queue: string, script: string | null): void {
    this.commits.write(() => this.s.select.run(script, this.now(), queue));
  }
}

/** An agent name for the autopilot on `queue`: `autopilot-<queue in lower case>`, made unique. */
export function autopilotAgentName(queue: string, taken: ReadonlySet<string>): string {
  const slug = queue.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'queue';
  const base = `autopilot-${slug}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}
