// @vitest-environment happy-dom
/**
 * Files in the chat window (page frame and popup share it): attaching refuses what the chat's
 * limits refuse, with the reason, before anything is sent; a file line downloads through the
 * background and says why when it cannot; the visitor's file that failed says why, with Retry.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64 } from '../../src/core/base64';
import type { FileLimits } from '../../src/core/chat-files';
import type { TranscriptEntry } from '../../src/core/chat-session';
import { AttachFile } from '../../src/ui/components/AttachFile';
import { Transcript } from '../../src/ui/components/Transcript';
import { InLanguage } from './visitor-words';

const LIMITS: FileLimits = {
  maxFileSize: 1_000, maxTotalSize: 5_000, maxFiles: 3, types: ['pdf', 'txt'], needAgent: false, downloadAttempts: 2, usedFiles: 0, usedTotalSize: 0, usedDownloads: 0,
};
let root: HTMLElement;
const mount = async (vnode: ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<InLanguage>{vnode}</InLanguage>, root));
};
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Picks `file` in the hidden input, as the browser's file dialog would. */
async function pick(file: File) {
  const input = byTestId<HTMLInputElement>('beckon-attach-input')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 20));
  });
}

describe('AttachFile', () => {
  it('offers only the chat\'s types, refuses a file over a limit with the reason, and hands a good one over as base64', async () => {
    const attached: { name: string; mime: string; data: string; uploadId: string }[] = [];
    await mount(<AttachFile limits={LIMITS} agentPresent disabled={false} onAttach={(f) => attached.push(f)} />);
    expect(byTestId<HTMLInputElement>('beckon-attach-input')!.accept).toBe('.pdf,.txt');
    await pick(new File(['x'.repeat(1_001)], 'big.pdf', { type: 'application/pdf' }));
    expect(byTestId('beckon-attach-error')!.textContent).toBe('big.pdf is 1001 bytes; files up to 1000 bytes can be sent.');
    await pick(new File(['hello'], 'note.txt', { type: 'text/plain' }));
    expect(byTestId('beckon-attach-error')).toBeNull();
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ name: 'note.txt', mime: 'text/plain' });
    expect(new TextDecoder().decode(fromBase64(attached[0]!.data)!)).toBe('hello');
    expect(attached[0]!.uploadId).toMatch(/^[\w-]{8,}$/);
  });
});

describe('file lines in the transcript', () => {
  const agentFile: TranscriptEntry = { key: 'i3', index: 3, kind: 'file', from: 'agent', nickname: 'Alice', text: 'terms.pdf', at: 1, file: { id: 'F9', name: 'terms.pdf', size: 2048, mime: 'application/pdf' } };
  const failed: TranscriptEntry = {
    key: 'cup', kind: 'file', from: 'visitor', nickname: 'Jane', text: 'a.pdf', at: 2, clientMessageId: 'up-1', delivery: 'failed', failure: 'The file is larger than this chat takes.', file: { name: 'a.pdf', size: 9 },
  };

  it('shows name, size and type as text, downloads through the background, and says why a download failed', async () => {
    const onDownload = vi.fn(async () => ({ error: 'The file could not be downloaded: no download attempts left' }));
    await mount(<Transcript entries={[agentFile]} agentTyping={false} onDownload={onDownload} />);
    expect(byTestId('beckon-file')!.textContent).toContain('terms.pdf2 KB · application/pdf');
    await act(async () => {
      byTestId('beckon-file-download')!.click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(onDownload).toHaveBeenCalledWith('F9');
    expect(byTestId('beckon-file-error')!.textContent).toBe('The file could not be downloaded: no download attempts left');
  });

  it('the visitor\'s file that was refused says why, with Retry; a deleted file has no download', async () => {
    const onRetry = vi.fn();
    await mount(<Transcript entries={[failed, { ...agentFile, file: { ...agentFile.file!, deleted: true } }]} agentTyping={false} onRetry={onRetry} onDownload={async () => ({ error: 'x' })} />);
    expect(byTestId('beckon-file-failure')!.textContent).toBe('The file is larger than this chat takes.');
    byTestId('beckon-retry')!.click();
    expect(onRetry).toHaveBeenCalledWith('up-1');
    expect(byTestId('beckon-file-download')).toBeNull();
    expect(root.textContent).toContain('(removed)');
  });
});
