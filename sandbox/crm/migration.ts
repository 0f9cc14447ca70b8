/**
 * The Sandbox CRM's tables, appended to the store's migrations (store/db.ts) as one
 * `user_version` step. Kept here so the CRM's schema sits next to the code that uses it.
 *
 * Every write carries the caller's idempotency key, held under a UNIQUE constraint: a retried
 * request finds its earlier result instead of writing again, even across a restart.
 */
export const CRM_MIGRATION = `
  CREATE TABLE crm_interactions (
    -- the number in the public id 'I-<n>'; AUTOINCREMENT so a number is never handed out twice
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    interaction_class TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    params TEXT NOT NULL,
    -- params.ChatId, copied out so the console's per-chat lookup is an index scan
    chat_id TEXT,
    created_at INTEGER NOT NULL,
    end_key TEXT,
    ended_at INTEGER,
    transcript TEXT,
    CHECK ((end_key IS NULL) = (ended_at IS NULL))
  );
  CREATE INDEX crm_interactions_chat ON crm_interactions (chat_id);
  CREATE UNIQUE INDEX crm_interactions_end_key ON crm_interactions (end_key) WHERE end_key IS NOT NULL;

  CREATE TABLE crm_switches (
    idempotency_key TEXT PRIMARY KEY,
    interaction_n INTEGER NOT NULL REFERENCES crm_interactions (n),
    at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX crm_switches_interaction ON crm_switches (interaction_n, at);

  CREATE TABLE crm_outcomes (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    rule_id TEXT NOT NULL,
    rule_name TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('declined', 'timed-out', 'offered', 'accepted', 'suppressed')),
    url TEXT NOT NULL,
    -- no declared type, so no affinity: epoch ms stays an integer, an ISO string stays text
    at NOT NULL,
    reason TEXT,
    recorded_at INTEGER NOT NULL
  );
`;
