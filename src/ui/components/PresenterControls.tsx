import { useEffect, useState } from 'preact/hooks';
import { MAX_COUNTDOWN_SECONDS } from '../../core/presenter';
import type { UiToBackground } from '../../protocol/ports';
import { useStaffT } from '../i18n/staff';

/** Props of {@link PresenterControls}. */
export interface PresenterControlsProps {
  /** When the running countdown fires (epoch ms), if one runs. */
  countdownAt: number | undefined;
  send: (msg: UiToBackground) => void;
}

/** Seconds left until `at`, counted down once a second while it runs. */
function useSecondsLeft(at: number | undefined): number | null {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (at === undefined) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [at]);
  return at === undefined ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The presenter's controls in the popup: "Offer now" fires the best rule for the page at once
 * (its thresholds and capping skipped), "Offer in N s" after a countdown that the background
 * keeps (closing the popup does not cancel it), with Cancel.
 */
export function PresenterControls({ countdownAt, send }: PresenterControlsProps) {
  const t = useStaffT();
  const [seconds, setSeconds] = useState('5');
  const left = useSecondsLeft(countdownAt);
  const valid = /^\d+$/.test(seconds) && Number(seconds) >= 1 && Number(seconds) <= MAX_COUNTDOWN_SECONDS;
  return (
    <section class="bk-presenter" aria-label={t('presenter.label')} data-testid="presenter">
      <button type="button" class="bk-btn bk-primary" data-testid="presenter-offer-now" onClick={() => send({ type: 'debug.offerNow' })}>
        {t('presenter.offerNow')}
      </button>
      {left === null ? (
        <form
          class="bk-presenter-in"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) send({ type: 'debug.offerIn', seconds: Number(seconds) });
          }}
        >
          <label for="bk-offer-in">{t('presenter.offerIn')}</label>
          <input id="bk-offer-in" type="number" min={1} max={MAX_COUNTDOWN_SECONDS} value={seconds} data-testid="presenter-seconds"
            aria-invalid={!valid} onInput={(e) => setSeconds((e.currentTarget as HTMLInputElement).value)} />
          <span>{t('presenter.seconds')}</span>
          <button type="submit" class="bk-btn bk-secondary" disabled={!valid} data-testid="presenter-offer-in">
            {t('presenter.start')}
          </button>
        </form>
      ) : (
        <p class="bk-presenter-in" role="timer" aria-live="polite" data-testid="presenter-countdown">
          {t('presenter.countdown', { seconds: left })}
          <button type="button" class="bk-btn bk-link" data-testid="presenter-cancel" onClick={() => send({ type: 'debug.cancelOffer' })}>
            {t('presenter.cancel')}
          </button>
        </p>
      )}
    </section>
  );
}
