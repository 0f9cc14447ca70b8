import type { Look } from '../../core/profiles/look';
import { useWords } from '../i18n/words';
import { BrandLogo } from './BrandLogo';

/** Props of {@link WindowBar}. */
export interface WindowBarProps {
  look: Look | undefined;
  /** What the bar says: the brand and the queue. */
  title: string;
  onMinimise: () => void;
  /** Shown once the chat has ended: closes the window. */
  onClose?: () => void;
}

/** The chat window's title bar in the brand's colours: its logo, the title, Minimise and (for an ended chat) Close. */
export function WindowBar({ look, title, onMinimise, onClose }: WindowBarProps) {
  const { t } = useWords();
  return (
    <div class="bk-window-bar">
      {look ? <BrandLogo look={look} size={24} /> : null}
      <span class="bk-title" data-testid="beckon-title">{title}</span>
      <button type="button" class="bk-icon" aria-label={t('window.minimise')} onClick={onMinimise}>
        –
      </button>
      {onClose ? (
        <button type="button" class="bk-icon" aria-label={t('window.close')} data-testid="beckon-close" onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
