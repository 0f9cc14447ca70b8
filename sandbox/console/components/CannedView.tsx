/**
 * The console's canned replies tab: the replies (shortcut and text, placeholders such as
 * `{Page Name}` shown as written), a form to add or edit one, delete, and export / import
 * the JSON file (merge by shortcut, or replace all). A refused import lists each field.
 */
import { useState } from 'preact/hooks';
import { ApiError, type Credentials } from '../api.ts';
import { type CannedReply, createCanned, deleteCanned, exportCanned, importCanned, updateCanned } from '../demo-api.ts';
import { saveBlob } from '../downloads.ts';

/** Props of CannedView. */
export interface CannedViewProps {
  creds: Credentials;
  replies: CannedReply[];
  reload(): void;
}

/** The canned replies tab. */
export function CannedView({ creds, replies, reload }: CannedViewProps) {
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    setProblems([]);
    setStatus(null);
    try {
      await work();
      setStatus(done);
      reload();
      return true;
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      setProblems(details.length > 0 ? details.map((d) => `${d.path ? `${d.path}: ` : ''}${d.message}`) : [(err as Error).message]);
      return false;
    }
  };
  const startEdit = (r: CannedReply | null) => {
    setEditing(r);
    setShortcut(r?.shortcut ?? '');
    setText(r?.text ?? '');
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const ok = await attempt(() => (editing ? updateCanned(creds, editing.id, shortcut.trim(), text) : createCanned(creds, shortcut.trim(), text)), `Saved /${shortcut.trim()}.`);
    if (ok) startEdit(null);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setProblems([`${file.name} is not a JSON file.`]);
      return;
    }
    await attempt(() => importCanned(creds, parsed as Record<string, unknown>, mode), `Imported ${file.name}.`);
  };

  return (
    <section class="pane canned-view" aria-labelledby="canned-title">
      <h2 id="canned-title">Canned replies</h2>
      <p class="muted small">Type <kbd>/</kbd> in a chat's message box to pick one. <code>{'{Page Name}'}</code> is filled from the chat's user data; <code>{'{Key|fallback}'}</code> gives a fallback.</p>
      <ul class="canned-list">
        {replies.map((r) => (
          <li key={r.id} data-testid="canned-reply" data-shortcut={r.shortcut}>
            <span class="shortcut">/{r.shortcut}</span><span class="text">{r.text}</span>
            <button type="button" data-testid="canned-edit" onClick={() => startEdit(r)}>Edit</button>
            <button type="button" class="danger" data-testid="canned-delete" onClick={() => void attempt(() => deleteCanned(creds, r.id), `Deleted /${r.shortcut}.`)}>Delete</button>
          </li>
        ))}
      </ul>
      <form class="canned-form" onSubmit={save}>
        <h3>{editing ? `Edit /${editing.shortcut}` : 'New canned reply'}</h3>
        <label for="canned-shortcut">Shortcut</label>
        <input id="canned-shortcut" data-testid="canned-shortcut" required maxLength={40} value={shortcut} onInput={(e) => setShortcut(e.currentTarget.value)} />
        <label for="canned-text">Text</label>
        <textarea id="canned-text" data-testid="canned-text" required rows={3} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <div class="row">
          <button type="submit" class="primary" data-testid="canned-save">Save</button>
          {editing && <button type="button" onClick={() => startEdit(null)}>Cancel</button>}
        </div>
      </form>
      <div class="row">
        <button type="button" data-testid="canned-export" onClick={() => void attempt(async () => saveBlob(await exportCanned(creds), 'canned-replies.json'), 'Exported.')}>Export…</button>
        <label for="canned-import">Import a file</label>
        <input id="canned-import" data-testid="canned-import" type="file" accept=".json,application/json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        <label for="canned-mode" class="visually-hidden">Import mode</label>
        <select id="canned-mode" data-testid="canned-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value === 'replace' ? 'replace' : 'merge')}>
          <option value="merge">Merge (same shortcut: replaced)</option>
          <option value="replace">Replace all</option>
        </select>
      </div>
      {status && <p class="ok small" role="status" data-testid="canned-status">{status}</p>}
      {problems.length > 0 && <ul class="error problems" role="alert" data-testid="canned-errors">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
    </section>
  );
}
