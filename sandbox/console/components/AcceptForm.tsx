/** Accepting an offered chat under a nickname (the name the visitor sees), or rejecting it. */
import { useState } from 'preact/hooks';

/** Props of AcceptForm. */
export interface AcceptFormProps {
  defaultNickname: string;
  onAccept(nickname: string): Promise<boolean>;
  onReject(): Promise<boolean>;
}

/** The accept form. */
export function AcceptForm({ defaultNickname, onAccept, onReject }: AcceptFormProps) {
  const [nickname, setNickname] = useState(defaultNickname);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await onAccept(nickname.trim());
    setBusy(false);
  };
  return (
    <form class="accept" onSubmit={submit}>
      <label for="accept-nickname">Your name in this chat</label>
      <div class="accept-row">
        <input id="accept-nickname" data-testid="accept-nickname" required maxLength={100} value={nickname}
          onInput={(e) => setNickname(e.currentTarget.value)} />
        <button class="primary" type="submit" data-testid="accept-button" disabled={busy || nickname.trim() === ''}>
          Accept chat
        </button>
        <button type="button" data-testid="reject-button" disabled={busy} onClick={() => void onReject()}>
          Reject
        </button>
      </div>
    </form>
  );
}
