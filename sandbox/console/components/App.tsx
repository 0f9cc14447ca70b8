/** Root of the console: the sign-in form until the agent is signed in, then the desk. */
import { useState } from 'preact/hooks';
import type { Credentials } from '../api.ts';
import { clearCredentials, loadCredentials, saveCredentials } from '../session.ts';
import { Desk } from './Desk.tsx';
import { Login } from './Login.tsx';

/** The whole console. */
export function App() {
  const [creds, setCreds] = useState<Credentials | null>(loadCredentials);
  const [notice, setNotice] = useState<string | null>(null);

  if (!creds) {
    return (
      <Login
        notice={notice}
        onSignedIn={(c) => {
          saveCredentials(c);
          setNotice(null);
          setCreds(c);
        }}
      />
    );
  }
  return (
    <Desk
      creds={creds}
      onSignOut={(reason) => {
        clearCredentials();
        setNotice(reason ?? null);
        setCreds(null);
      }}
    />
  );
}
