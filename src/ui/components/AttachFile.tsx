import { useRef, useState } from 'preact/hooks';
import { toBase64 } from '../../core/base64';
import { uploadRefusal, type FileLimits } from '../../core/chat-files';
import { useWords } from '../i18n/words';

/** Props of {@link AttachFile}. */
export interface AttachFileProps {
  limits: FileLimits;
  /** Whether an agent is in the chat (some servers take files only then). */
  agentPresent: boolean;
  disabled: boolean;
  /** Hands the file to the background (its bytes as base64). */
  onAttach: (file: { uploadId: string; name: string; mime: string; data: string }) => void;
}

/**
 * "Attach file": a real button (keyboard and screen readers) over a hidden file input that
 * offers only the types the chat takes. A file over a limit is refused here with a message that
 * says which limit and what is allowed; the server checks again.
 */
export function AttachFile({ limits, agentPresent, disabled, onAttach }: AttachFileProps) {
  const w = useWords();
  const { t } = w;
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ reading?: string; error?: string }>({});
  const accept = limits.types.map((t) => `.${t}`).join(',');
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const refusal = uploadRefusal({ name: file.name, size: file.size }, limits, agentPresent);
    if (refusal) {
      setState({ error: w.say(refusal) });
      return;
    }
    setState({ reading: file.name });
    try {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      onAttach({ uploadId: crypto.randomUUID(), name: file.name, mime: file.type, data });
      setState({});
    } catch {
      setState({ error: t('attach.unreadable', { name: file.name }) });
    }
  };
  const hint = t('attach.hint', { types: limits.types.length ? limits.types.join(', ') : t('attach.anyType'), max: limits.maxFileSize });
  return (
    <div class="bk-attach">
      <button type="button" class="bk-btn bk-link" data-testid="beckon-attach" disabled={disabled || Boolean(state.reading)}
        title={hint} aria-describedby="bk-attach-hint" onClick={() => input.current?.click()}>
        {state.reading ? t('attach.preparing', { name: state.reading }) : t('attach.button')}
      </button>
      <span id="bk-attach-hint" class="bk-sr-only">{hint}</span>
      <input ref={input} type="file" hidden accept={accept || undefined} data-testid="beckon-attach-input"
        onChange={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          void pick(el.files?.[0]);
          el.value = ''; // the same file may be picked again after a refusal
        }} />
      {state.error ? <p class="bk-file-error" role="alert" data-testid="beckon-attach-error">{state.error}</p> : null}
    </div>
  );
}
