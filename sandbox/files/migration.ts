/**
 * The tables of the GMS file API and of the message fields it needs, appended to the store's
 * migrations (store/db.ts) as one `user_version` step, next to the code that uses them.
 *
 * The bytes live in `<data>/files/<fileId>` (see files/file-store.ts); this step holds what
 * the transcript and the limits need to know about each file.
 */
export const FILES_MIGRATION = `
  -- userData of a message (JSON object of strings): the file id, name, size and type of
  -- FileUploaded / FileDeleted, as GMS shows them. NULL for every other message.
  ALTER TABLE messages ADD COLUMN user_data TEXT;

  CREATE TABLE chat_files (
    -- 16 upper-case hex digits, as Genesys Chat Server file ids look
    file_id TEXT PRIMARY KEY,
    chat_id TEXT NOT NULL REFERENCES chats (id),
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    description TEXT,
    -- who sent it: the customer (counts against its upload limits) or an agent
    from_type TEXT NOT NULL CHECK (from_type IN ('Customer', 'Agent')),
    from_participant_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX chat_files_chat ON chat_files (chat_id);

  -- downloads the customer of a GMS chat has made (GMS limit 'download-attempts')
  ALTER TABLE gms_sessions ADD COLUMN downloads INTEGER NOT NULL DEFAULT 0;
`;
