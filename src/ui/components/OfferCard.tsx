import type { Look } from '../../core/profiles/look';
import type { OfferView } from '../../protocol/ports';
import { useWords } from '../i18n/words';
import { BrandLogo } from './BrandLogo';

/** Props of {@link OfferCard}. */
export interface OfferCardProps {
  offer: OfferView;
  /** The demo profile's look: brand, logo and eyebrow (absent: none shown, the language's eyebrow). */
  look?: Look;
  onAccept: () => void;
  onDecline: () => void;
  /** Move focus to Accept (the popup does; the page UI never steals focus from the site). */
  focus?: boolean;
}

/** The proactive offer: the brand, its eyebrow, its topic, Accept and Decline, in the visitor's language. */
export function OfferCard({ offer, look, onAccept, onDecline, focus = false }: OfferCardProps) {
  const { t } = useWords();
  return (
    <section class="bk-card bk-offer" role="dialog" aria-labelledby="bk-offer-topic" data-testid="beckon-offer">
      {look ? (
        <p class="bk-brand">
          <BrandLogo look={look} size={28} />
          {/* With a logo its alt text names the brand: the name beside it is not read twice. */}
          <span data-testid="beckon-brand" aria-hidden={look.logo ? true : undefined}>{look.brand}</span>
        </p>
      ) : null}
      <p class="bk-eyebrow" data-testid="beckon-eyebrow">{look?.eyebrow || t('offer.eyebrow')}</p>
      <h2 id="bk-offer-topic" class="bk-offer-topic" data-testid="beckon-offer-topic">
        {offer.topic || t('offer.question')}
      </h2>
      <div class="bk-actions">
        <button type="button" class="bk-btn bk-primary" data-testid="beckon-offer-accept" onClick={onAccept} autoFocus={focus}>
          {t('offer.accept')}
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="beckon-offer-decline" onClick={onDecline}>
          {t('offer.decline')}
        </button>
      </div>
    </section>
  );
}
