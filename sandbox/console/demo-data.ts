/**
 * Hooks that keep the desk's copy of the demo tools' state: the autopilot's (read again, at
 * most every 150 ms, whenever an AutopilotUpdated event or a reconnect changes `revision`)
 * and the canned replies (read at sign-in, after an edit, and whenever the `/` list opens).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Credentials } from './api.ts';
import { type AutopilotState, type CannedReply, getAutopilot, listCanned } from './demo-api.ts';

/** Bursts of autopilot events (typing, messages) lead to one read. */
const AUTOPILOT_DEBOUNCE_MS = 150;

/** The autopilot's state, and a function to read it again now. */
export function useAutopilotState(creds: Credentials, revision: string): [AutopilotState | null, () => void] {
  const [state, setState] = useState<AutopilotState | null>(null);
  const [ask, setAsk] = useState(0);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => getAutopilot(creds).then((s) => current && setState(s), () => undefined), state ? AUTOPILOT_DEBOUNCE_MS : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [creds, revision, ask]);
  return [state, useCallback(() => setAsk((n) => n + 1), [])];
}

/** The canned replies, and a function to read them again. */
export function useCannedReplies(creds: Credentials): [CannedReply[], () => void] {
  const [replies, setReplies] = useState<CannedReply[]>([]);
  const reload = useCallback(() => {
    listCanned(creds).then(setReplies, () => undefined);
  }, [creds]);
  useEffect(reload, [reload]);
  return [replies, reload];
}
