/**
 * The console's autopilot tab: per queue, whether the autopilot serves it and with which
 * script (switch it, or off); the stored scripts (edit, delete); and a new script from a ready
 * one or from a file. State comes from the desk, read again on each AutopilotUpdated.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Credentials } from '../api.ts';
import { type AutopilotState, deleteScript, getScript, getTemplates, selectScript } from '../demo-api.ts';
import { ScriptEditor } from './ScriptEditor.tsx';

/** Props of AutopilotView. */
export interface AutopilotViewProps {
  creds: Credentials;
  state: AutopilotState | null;
  reload(): void;
}

/** The autopilot tab. */
export function AutopilotView({ creds, state, reload }: AutopilotViewProps) {
  const [templates, setTemplates] = useState<{ name: string; source: string }[]>([]);
  const [editing, setEditing] = useState<{ name: string; source: string }>({ name: '', source: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getTemplates(creds).then(setTemplates, () => setTemplates([]));
  }, [creds]);

  const attempt = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const edit = (name: string) => attempt(async () => setEditing(await getScript(creds, name)));
  const load = async (file: File | undefined) => {
    if (file) setEditing({ name: file.name, source: await file.text() });
  };

  if (!state) return <section class="pane"><p class="muted">Loading the autopilot…</p></section>;
  return (
    <section class="pane autopilot-view" aria-labelledby="autopilot-title">
      <h2 id="autopilot-title">Autopilot</h2>
      <p class="muted small">A scripted agent per queue: it accepts chats, greets, answers by keyword and hands over as its script says. Take a chat over from the chat list.</p>
      {error && <p class="error" role="alert">{error}</p>}
      <table class="queues-table">
        <thead><tr><th scope="col">Queue</th><th scope="col">Autopilot</th><th scope="col">Script</th></tr></thead>
        <tbody>
          {state.queues.map((q) => (
            <tr key={q.queue} data-testid="autopilot-queue" data-queue={q.queue}>
              <th scope="row">{q.queue}</th>
              <td>{q.on ? `On, as ${q.nickname ?? ''}` : 'Off'}{q.error && <span class="error small" role="alert"> {q.error}</span>}</td>
              <td>
                <label class="visually-hidden" for={`autopilot-select-${q.queue}`}>Script for {q.queue}</label>
                <select id={`autopilot-select-${q.queue}`} data-testid={`autopilot-select-${q.queue}`} value={q.on ? q.script ?? '' : ''}
                  onChange={(e) => void attempt(() => selectScript(creds, q.queue, e.currentTarget.value || null))}>
                  <option value="">Off</option>
                  {state.scripts.filter((s) => s.queue === q.queue).map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Scripts</h3>
      <ul class="scripts">
        {state.scripts.map((s) => (
          <li key={s.name} data-testid="autopilot-script" data-name={s.name}>
            <span>{s.name} <span class="muted small">({s.queue})</span></span>
            <button type="button" data-testid="script-edit" onClick={() => void edit(s.name)}>Edit</button>
            <button type="button" class="danger" data-testid="script-delete" onClick={() => void attempt(() => deleteScript(creds, s.name))}>Delete</button>
          </li>
        ))}
        {state.scripts.length === 0 && <li class="muted">No script yet: start from a ready one or load a file.</li>}
      </ul>
      <div class="row">
        <label for="script-template">New from a ready script</label>
        <select id="script-template" data-testid="script-template" value="" onChange={(e) => {
          const t = templates.find((x) => x.name === e.currentTarget.value);
          if (t) setEditing({ ...t });
        }}>
          <option value="">Choose…</option>
          {templates.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        </select>
        <label for="script-file">or load a file</label>
        <input id="script-file" data-testid="script-file" type="file" accept=".yaml,.yml,.json,text/yaml,application/json"
          onChange={(e) => void load(e.currentTarget.files?.[0])} />
      </div>
      <ScriptEditor creds={creds} initial={editing} onSaved={() => reload()} />
    </section>
  );
}
