import { useEffect, useState } from 'preact/hooks';
import type { DebugView, UiToBackground } from '../../protocol/ports';

type Report = DebugView['reports'][number];

/** A rule's state in one short phrase, with a live countdown for waiting rules. */
function statusOf(r: Report, elapsedMs: number): string {
  if (r.suppressed) return `matches, held back: ${r.suppressed}`;
  switch (r.match.status) {
    case 'ready':
      return 'matches';
    case 'waiting':
      return `waiting, ${Math.max(0, Math.ceil(((r.match.waitMs ?? 0) - elapsedMs) / 1000))} s to go`;
    case 'no-match':
      return 'does not match';
    case 'disabled':
      return 'disabled';
  }
}

/**
 * The rule debugger (popup): for the current tab, each rule, whether it matches and which
 * condition fails, its countdown, capping and gates; plus controls that fast-forward time,
 * simulate exit intent and reset the visitor, so a demo never needs an incognito window.
 */
export function RuleDebugger({ debug, send }: { debug: DebugView | undefined; send: (m: UiToBackground) => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return (
    <details class="bk-debugger" data-testid="debug-panel">
      <summary>Rule debugger</summary>
      {!debug ? (
        <p class="bk-empty">No page context yet: Beckon is not watching this tab (enable the site in Settings, or reload).</p>
      ) : (
        <>
          <p class="bk-debug-line" data-testid="debug-decision">
            <strong>{debug.pageName}</strong> — {debug.decision}
          </p>
          <ul class="bk-debug-rules">
            {debug.reports.map((r) => (
              <li key={r.ruleId} data-testid="debug-rule" data-status={r.suppressed ? 'suppressed' : r.match.status}>
                <span class="bk-debug-name">{r.name}</span>: {statusOf(r, now - debug.at)}
                {r.match.failing?.length ? (
                  <ul>
                    {r.match.failing.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <p class="bk-debug-signals">
            {Object.entries(debug.signals).map(([k, v]) => `${k} ${String(v)}`).join(' · ')}
          </p>
        </>
      )}
      <div class="bk-actions">
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-forward" onClick={() => send({ type: 'debug.fastForward', seconds: 10 })}>
          +10 s on page
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-exit" onClick={() => send({ type: 'debug.exitIntent' })}>
          Exit intent
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-reset" onClick={() => send({ type: 'debug.resetVisitor' })}>
          Reset visitor
        </button>
      </div>
    </details>
  );
}
