/**
 * Editing one autopilot script: its name and its YAML or JSON, Validate (against the running
 * Sandbox, nothing stored) and Save (a queue running it takes the new version at once). Every
 * error shows as `file:line: field: sentence`; activating one puts the cursor on that line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Credentials } from '../api.ts';
import { saveScript, validateScript } from '../demo-api.ts';

/** Props of ScriptEditor. */
export interface ScriptEditorProps {
  creds: Credentials;
  /** What to edit (a stored script, a ready one, a loaded file); `key` it by a new value to start over. */
  initial: { name: string; source: string };
  /** Called after a save, with the name saved. */
  onSaved(name: string): void;
}

type Problem = { line?: number; text: string };

/** Index in `text` where line `n` (1-based) starts. */
export const lineStart = (text: string, n: number) => text.split('\n').slice(0, Math.max(0, n - 1)).reduce((at, l) => at + l.length + 1, 0);

/** The script editor. */
export function ScriptEditor({ creds, initial, onSaved }: ScriptEditorProps) {
  const [name, setName] = useState(initial.name);
  const [source, setSource] = useState(initial.source);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setName(initial.name);
    setSource(initial.source);
    setProblems([]);
    setStatus(null);
  }, [initial]);

  const attempt = async (what: 'validate' | 'save') => {
    setBusy(true);
    setStatus(null);
    setProblems([]);
    try {
      if (what === 'save') {
        await saveScript(creds, name.trim(), source);
        setStatus(`Saved ${name.trim()}. A queue running it uses it from the next visitor message on.`);
        onSaved(name.trim());
      } else {
        const r = await validateScript(creds, name.trim() || 'script', source);
        setStatus(`Valid: it serves queue ${String(r.queue)}.`);
      }
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      setProblems(details.length > 0 ? details.map((d) => ({ line: d.line, text: d.text ?? d.message })) : [{ text: (err as Error).message }]);
    }
    setBusy(false);
  };

  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const at = lineStart(el.value, line);
    el.focus();
    const end = el.value.indexOf('\n', at);
    el.setSelectionRange(at, end < 0 ? el.value.length : end);
  };

  return (
    <form class="script-editor" onSubmit={(e) => { e.preventDefault(); void attempt('save'); }}>
      <label for="script-name">File name</label>
      <input id="script-name" data-testid="script-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="script-source">Script (YAML or JSON)</label>
      <textarea id="script-source" data-testid="script-source" ref={area} rows={18} spellcheck={false} value={source}
        aria-describedby={problems.length > 0 ? 'script-errors' : undefined} onInput={(e) => setSource(e.currentTarget.value)} />
      <div class="row">
        <button type="button" data-testid="script-validate" disabled={busy} onClick={() => void attempt('validate')}>Validate</button>
        <button type="submit" class="primary" data-testid="script-save" disabled={busy || name.trim() === ''}>Save</button>
        {status && <span class="ok small" role="status" data-testid="script-status">{status}</span>}
      </div>
      {problems.length > 0 && (
        <ul id="script-errors" class="error problems" role="alert" data-testid="script-errors">
          {problems.map((p, i) => (
            <li key={i} data-testid="script-error">
              {p.line ? <button type="button" class="link" onClick={() => goTo(p.line!)} aria-label={`Go to line ${p.line}: ${p.text}`}>{p.text}</button> : p.text}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
