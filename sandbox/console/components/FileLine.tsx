/**
 * A file in the transcript (FileUploaded / FileDeleted, either side): its name and size as
 * text, and for a file still there a Download button that fetches it with the agent's
 * credentials and saves it (the bytes are never shown in the page: the visitor chose them).
 */
import { useState } from 'preact/hooks';
import type { AgentMessage } from '../../engine/types.ts';

/** Human size: bytes, KB or MB. */
export function fileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Props of FileLine. */
export interface FileLineProps {
  message: AgentMessage;
  /** Whether the file was deleted later in the chat. */
  deleted: boolean;
  onDownload(fileId: string, name: string): Promise<void>;
}

/** One file line. */
export function FileLine({ message: m, deleted, onDownload }: FileLineProps) {
  const [busy, setBusy] = useState(false);
  const data = m.userData ?? {};
  const fileId = data['file-id'] ?? m.text ?? '';
  const name = data['file-name'] ?? 'file';
  const who = m.from.type === 'Agent' ? `${m.from.nickname} (agent)` : m.from.nickname;
  if (m.type === 'FileDeleted') return <span>{who} deleted the file {name}</span>;
  const size = fileSize(Number(data['file-size']));
  return (
    <span class="file-line">
      {who} sent the file <strong>{name}</strong>{size ? ` (${size})` : ''}
      {data['file-description'] ? ` — ${data['file-description']}` : ''}
      {deleted ? ' (deleted)' : (
        <button type="button" class="link" data-testid="file-download" data-file-id={fileId} disabled={busy}
          onClick={() => { setBusy(true); void onDownload(fileId, name).finally(() => setBusy(false)); }}>
          Download
        </button>
      )}
    </span>
  );
}
