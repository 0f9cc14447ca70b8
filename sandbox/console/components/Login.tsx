/** The sign-in form. Credentials are checked with GET /api/v2/me before they are kept. */
import { useState } from 'preact/hooks';
import { ApiError, type Credentials, getMe } from '../api.ts';

/** Props of Login. */
export interface LoginProps {
  notice: string | null;
  onSignedIn(creds: Credentials): void;
}

/** Name + password form for an agent. */
export function Login({ notice, onSignedIn }: LoginProps) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await getMe({ name, password });
      onSignedIn({ name, password });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'Wrong name or password.' : 'Cannot reach the Sandbox. Is it running?');
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Agent console</h1>
        <p class="muted">Beckon Sandbox — sign in to answer chats.</p>
        <label for="login-name">Name</label>
        <input id="login-name" data-testid="login-name" autocomplete="username" autoFocus required value={name}
          onInput={(e) => setName(e.currentTarget.value)} />
        <label for="login-password">Password</label>
        <input id="login-password" data-testid="login-password" type="password" autocomplete="current-password" required
          value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
