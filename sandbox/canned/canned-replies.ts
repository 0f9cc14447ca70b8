/**
 * The console's canned replies (`canned_replies`, store/solo-demo-migration.ts): list, create,
 * edit, delete, export as a file and import one (replacing every reply, or merging by
 * shortcut). Shortcuts are unique regardless of case. Writes join the store's group commit.
 */
import { Code, GwsError } from '../engine/errors.ts';
import type { Db } from '../store/db.ts';
import type { GroupCommit } from '../store/group-commit.ts';
import type { CannedExport, CannedReply } from './schemas.ts';

interface Raw { id: number; shortcut: string; text: string; updated_at: number }
const toReply = (r: Raw): CannedReply => ({ id: r.id, shortcut: r.shortcut, text: r.text, updatedAt: r.updated_at });

/** Canned replies over the database. */
export class CannedReplies {
  private readonly s;

  constructor(db: Db, private readonly commits: GroupCommit, private readonly now: () => number = Date.now) {
    this.s = {
      all: db.prepare<[], Raw>('SELECT * FROM canned_replies ORDER BY shortcut COLLATE NOCASE'),
      one: db.prepare<[number], Raw>('SELECT * FROM canned_replies WHERE id = ?'),
      byShortcut: db.prepare<[string], Raw>('SELECT * FROM canned_replies WHERE shortcut = ?'),
      insert: db.prepare('INSERT INTO canned_replies (shortcut, text, updated_at) VALUES (?, ?, ?)'),
      update: db.prepare('UPDATE canned_replies SET shortcut = ?, text = ?, updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM canned_replies WHERE id = ?'),
      clear: db.prepare('DELETE FROM canned_replies'),
    };
  }

  /** Every reply, by shortcut. */
  list(): CannedReply[] {
    return this.s.all.all().map(toReply);
  }

  /** Adds a reply; its shortcut must be free (code 2 otherwise). */
  create(shortcut: string, text: string): CannedReply {
    this.mustBeFree(shortcut, null);
    const id = this.commits.write(() => Number(this.s.insert.run(shortcut, text, this.now()).lastInsertRowid));
    return toReply(this.s.one.get(id)!);
  }

  /** Changes a reply (code 6 if unknown, code 2 if the shortcut belongs to another one). */
  update(id: number, shortcut: string, text: string): CannedReply {
    this.mustExist(id);
    this.mustBeFree(shortcut, id);
    this.commits.write(() => this.s.update.run(shortcut, text, this.now(), id));
    return toReply(this.s.one.get(id)!);
  }

  /** Deletes a reply (code 6 if unknown). */
  remove(id: number): void {
    this.mustExist(id);
    this.commits.write(() => this.s.remove.run(id));
  }

  /** Every reply as an export file. */
  exportAll(): CannedExport {
    return { format: 'beckon-canned-replies', version: 1, replies: this.list().map(({ shortcut, text }) => ({ shortcut, text })) };
  }

  /**
   * Takes a (validated) export file in one transaction: `replace` drops every reply first,
   * `merge` keeps them and overwrites those with a shortcut the file has. Returns how many it took.
   */
  importAll(file: CannedExport, mode: 'replace' | 'merge'): number {
    this.commits.write(() => {
      if (mode === 'replace') this.s.clear.run();
      for (const { shortcut, text } of file.replies) {
        const existing = this.s.byShortcut.get(shortcut);
        if (existing) this.s.update.run(shortcut, text, this.now(), existing.id);
        else this.s.insert.run(shortcut, text, this.now());
      }
    });
    return file.replies.length;
  }

  private mustExist(id: number): void {
    if (!this.s.one.get(id)) throw new GwsError(Code.NotFound, `No canned reply with id ${id}.`);
  }

  private mustBeFree(shortcut: string, id: number | null): void {
    const other = this.s.byShortcut.get(shortcut);
    if (other && other.id !== id) throw new GwsError(Code.InvalidState, `The shortcut '${other.shortcut}' is taken by another canned reply.`);
  }
}
