import { useEffect, useState } from 'preact/hooks';
import type { StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { DebugView, UiToBackground } from '../../protocol/ports';
import { useStaffT } from '../i18n/staff';

type Report = DebugView['reports'][number];

/** A rule's state in one short phrase, with a live countdown for waiting rules. */
function statusOf(r: Report, elapsedMs: number, t: Translate<StaffKey>): string {
  if (r.suppressed) return t('debug.heldBack', { reason: r.suppressed });
  switch (r.match.status) {
    case 'ready':
      return t('debug.matches');
    case 'waiting':
      return t('debug.waiting', { seconds: Math.max(0, Math.ceil(((r.match.waitMs ?? 0) - elapsedMs) / 1000)) });
    case 'no-match':
      return t('debug.noMatch');
    case 'disabled':
      return t('debug.disabled');
  }
}

/**
 * The rule debugger (popup): for the current tab, each rule, whether it matches and which
 * condition fails, its countdown, capping and gates; plus controls that fast-forward time,
 * simulate exit intent and reset the visitor, so a demo never needs an incognito window.
 */
export function RuleDebugger({ debug, send }: { debug: DebugView | undefined; send: (m: UiToBackground) => void }) {
  const t = useStaffT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return (
    <details class="bk-debugger" data-testid="debug-panel">
      <summary>{t('debug.title')}</summary>
      {!debug ? (
        <p class="bk-empty">{t('debug.noContext')}</p>
      ) : (
        <>
          <p class="bk-debug-line" data-testid="debug-decision">
            <strong>{debug.pageName}</strong> — {debug.decision}
          </p>
          <ul class="bk-debug-rules">
            {debug.reports.map((r) => (
              <li key={r.ruleId} data-testid="debug-rule" data-status={r.suppressed ? 'suppressed' : r.match.status}>
                <span class="bk-debug-name">{r.name}</span>: {statusOf(r, now - debug.at, t)}
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
            {/* Each signal by the name rules use for it, with its value. */}
            {Object.entries(debug.signals).map(([k, v]) => `${k} ${typeof v === 'boolean' ? t(v ? 'debug.true' : 'debug.false') : String(v)}`).join(' · ')}
          </p>
        </>
      )}
      <div class="bk-actions">
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-forward" onClick={() => send({ type: 'debug.fastForward', seconds: 10 })}>
          {t('debug.forward', { seconds: 10 })}
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-exit" onClick={() => send({ type: 'debug.exitIntent' })}>
          {t('debug.exitIntent')}
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="debug-reset" onClick={() => send({ type: 'debug.resetVisitor' })}>
          {t('debug.resetVisitor')}
        </button>
      </div>
    </details>
  );
}
