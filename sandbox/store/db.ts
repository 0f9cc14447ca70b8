/**
 * Opens the Sandbox's SQLite database and brings its schema up to date.
 *
 * The schema is versioned with SQLite's `user_version` pragma: each entry of MIGRATIONS
 * moves the database one version forward, so a data directory written by an older Sandbox
 * is upgraded in place and one written by a newer Sandbox is refused rather than damaged.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CRM_MIGRATION } from '../crm/migration.ts';
import { FILES_MIGRATION } from '../files/migration.ts';
import { SOLO_DEMO_MIGRATION } from './solo-demo-migration.ts';

/** The better-sqlite3 connection type, re-exported so callers need not import the driver. */
export type Db = Database.Database;

/** Name of the database file inside the data directory. */
export const DB_FILE = 'sandbox.db';

/** Migration N (0-based) takes the schema from version N to N + 1. Append only. Exported for upgrade tests. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE chats (
    id TEXT PRIMARY KEY,
    queue TEXT NOT NULL,
    subject TEXT,
    nickname TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('WaitingForAgent', 'Chatting', 'Idle')),
    ended INTEGER NOT NULL DEFAULT 0,
    user_data TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    ended_at INTEGER,
    customer_participant_id TEXT NOT NULL,
    -- highest message index already handed to the customer by GetMessages without index
    customer_cursor INTEGER NOT NULL DEFAULT 0,
    -- the agent who accepted the chat, and whether that agent has stopped processing it
    agent_name TEXT,
    agent_done INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX chats_open ON chats (ended, agent_name);

  CREATE TABLE participants (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    participant_id TEXT NOT NULL,
    nickname TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('Customer', 'Agent', 'External')),
    agent_name TEXT,
    joined_at INTEGER NOT NULL,
    left_at INTEGER,
    PRIMARY KEY (chat_id, participant_id)
  ) WITHOUT ROWID;

  CREATE TABLE messages (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    idx INTEGER NOT NULL CHECK (idx >= 1),
    type TEXT NOT NULL,
    from_nickname TEXT NOT NULL,
    from_participant_id TEXT NOT NULL,
    from_type TEXT NOT NULL,
    text TEXT,
    utc_time INTEGER NOT NULL,
    client_message_id TEXT,
    PRIMARY KEY (chat_id, idx)
  ) WITHOUT ROWID;
  -- A retried SendMessage carries the same clientMessageId: this index makes it a no-op.
  CREATE UNIQUE INDEX messages_client_id
    ON messages (chat_id, from_participant_id, client_message_id)
    WHERE client_message_id IS NOT NULL;

  CREATE TABLE agents (
    name TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('Ready', 'NotReady')),
    updated_at INTEGER NOT NULL
  );
  `,
  // v2: per-queue availability. agents.state is the state for every queue without a row here
  // ("Ready" with no queue list sets it and clears these rows).
  `
  CREATE TABLE agent_queues (
    agent_name TEXT NOT NULL,
    queue TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('Ready', 'NotReady')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (agent_name, queue)
  ) WITHOUT ROWID;
  CREATE INDEX chats_queue ON chats (queue);
  `,
  // v3: several agents per chat (transfer, consultation, conference), rejections, and
  // agents-only messages. chats.agent_name/agent_done move into chat_agents.
  `
  CREATE TABLE chat_agents (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    agent_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('Primary', 'Conference', 'Consultant')),
    -- Invited: consultation offered; Joined: in the chat; Done: stopped processing; Left: handed the chat on
    status TEXT NOT NULL CHECK (status IN ('Invited', 'Joined', 'Done', 'Left')),
    participant_id TEXT,
    invited_by TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, agent_name)
  ) WITHOUT ROWID;
  INSERT INTO chat_agents (chat_id, agent_name, role, status, participant_id, updated_at)
    SELECT c.id, c.agent_name, 'Primary', CASE c.agent_done WHEN 1 THEN 'Done' ELSE 'Joined' END,
      (SELECT p.participant_id FROM participants p WHERE p.chat_id = c.id AND p.agent_name = c.agent_name
        ORDER BY p.joined_at DESC LIMIT 1),
      c.created_at
    FROM chats c WHERE c.agent_name IS NOT NULL;
  CREATE INDEX chat_agents_agent ON chat_agents (agent_name, status);

  CREATE TABLE chat_rejections (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    agent_name TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, agent_name)
  ) WITHOUT ROWID;

  -- Transfer to one agent: only that agent is offered the chat until it accepts or rejects.
  ALTER TABLE chats ADD COLUMN target_agent TEXT;
  ALTER TABLE chats ADD COLUMN transferred_by TEXT;
  ALTER TABLE messages ADD COLUMN visibility TEXT NOT NULL DEFAULT 'All' CHECK (visibility IN ('All', 'Agents'));
  ALTER TABLE participants ADD COLUMN visibility TEXT NOT NULL DEFAULT 'All' CHECK (visibility IN ('All', 'Agents'));
  DROP INDEX chats_open;
  ALTER TABLE chats DROP COLUMN agent_name;
  ALTER TABLE chats DROP COLUMN agent_done;
  CREATE INDEX chats_ended ON chats (ended);
  `,
  // v4: credentials of chats started through the GMS Chat API v2 dialect.
  `
  CREATE TABLE gms_sessions (
    chat_id TEXT PRIMARY KEY REFERENCES chats (id),
    user_id TEXT NOT NULL,
    secure_key TEXT NOT NULL,
    alias TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // v5: the Sandbox CRM (interactions, switches, transcripts, offer outcomes); SQL in crm/migration.ts.
  CRM_MIGRATION,
  // v6: files of the GMS file API (chat_files, gms_sessions.downloads) and messages.user_data; SQL in files/migration.ts.
  FILES_MIGRATION,
  // v7: autopilot scripts and queues, canned replies, the chat log (issue 14); SQL in solo-demo-migration.ts.
  SOLO_DEMO_MIGRATION,
];

/** Schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (creating if needed) `<dataDir>/sandbox.db` in WAL mode and migrates it.
 * Throws if the file was written by a newer Sandbox.
 */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  try {
    // WAL lets readers (tests, a second tool) look at the file while the Sandbox writes.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode, which is all a demo needs.
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The data directory holds schema version ${current}, newer than this Sandbox (${SCHEMA_VERSION}). Use a newer Sandbox or another --data directory.`,
    );
  }
  const upgrade = db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    // PRAGMA does not take bound parameters; SCHEMA_VERSION is a number we control.
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  upgrade();
}
