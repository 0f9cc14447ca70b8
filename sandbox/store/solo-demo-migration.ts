/**
 * Schema v7, one `store/db.ts` migration step for the solo-demo tools (issue 14): autopilot
 * scripts and which one serves each queue (autopilot/), the console's canned replies (canned/),
 * and the chat log, what happened in a chat besides its transcript (report/ reads it).
 */
export const SOLO_DEMO_MIGRATION = `
  -- Autopilot scripts as their authors wrote them (YAML or JSON); queue is the one the source names.
  CREATE TABLE autopilot_scripts (
    name TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    queue TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- Per queue: the autopilot's agent (its login name, the same across scripts and restarts, so
  -- its chats stay its own) and the script switched on (NULL: the autopilot is off there).
  CREATE TABLE autopilot_queues (
    queue TEXT PRIMARY KEY,
    agent_name TEXT NOT NULL UNIQUE,
    script_name TEXT,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- Canned replies of the agent console; shortcut is what the agent types after '/'.
  CREATE TABLE canned_replies (
    id INTEGER PRIMARY KEY,
    shortcut TEXT NOT NULL UNIQUE COLLATE NOCASE,
    text TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO canned_replies (shortcut, text, updated_at) VALUES
    ('hello', 'Hi, thanks for waiting. I can see you are on {Page Name|our website}. How can I help?', 0),
    ('hold', 'Let me look into that for you, one moment please.', 0),
    ('hours', 'Our branches are open 9 am to 5 pm on weekdays; this chat is here around the clock.', 0),
    ('bye', 'Thank you for chatting with Beckon Bank. Have a great day!', 0);

  -- What happened in a chat that its messages do not say (requested on a queue, offered,
  -- accepted, transferred where, consultations, user data changes, the autopilot stopping),
  -- in order; detail is a JSON object. Written in the same transaction as the change itself.
  CREATE TABLE chat_log (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    agent_name TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (chat_id, seq)
  ) WITHOUT ROWID;
`;
