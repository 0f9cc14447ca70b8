/**
 * "Send a file": a file picker whose choice goes to the visitor at once (agent API
 * attachments). Shown only where a file can reach the visitor: a GMS chat the agent handles.
 */
import { useRef, useState } from 'preact/hooks';

/** Props of FilePicker. */
export interface FilePickerProps {
  /** Sends the file; resolves true when the server took it. */
  onSend(file: File): Promise<boolean>;
}

/** The picker. */
export function FilePicker({ onSend }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<string | null>(null);
  return (
    <div class="file-picker">
      <label class="button" for="file-input">Send a file…</label>
      <input id="file-input" class="visually-hidden" type="file" data-testid="file-input" disabled={sending !== null}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setSending(file.name);
          void onSend(file).finally(() => {
            setSending(null);
            if (input.current) input.current.value = '';
          });
        }} ref={input} />
      {sending !== null && <span class="muted small" role="status" data-testid="file-sending">Sending {sending}…</span>}
    </div>
  );
}
