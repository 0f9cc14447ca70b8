import type { OfferView } from '../../protocol/ports';

/** Props of {@link OfferCard}. */
export interface OfferCardProps {
  offer: OfferView;
  onAccept: () => void;
  onDecline: () => void;
  /** Move focus to Accept (the popup does; the page UI never steals focus from the site). */
  focus?: boolean;
}

/** The proactive offer: its topic, Accept and Decline. */
export function OfferCard({ offer, onAccept, onDecline, focus = false }: OfferCardProps) {
  return (
    <section class="bk-card bk-offer" role="dialog" aria-labelledby="bk-offer-topic" data-testid="beckon-offer">
      <p class="bk-eyebrow">Need a hand?</p>
      <h2 id="bk-offer-topic" class="bk-offer-topic" data-testid="beckon-offer-topic">
        {offer.topic}
      </h2>
      <div class="bk-actions">
        <button type="button" class="bk-btn bk-primary" data-testid="beckon-offer-accept" onClick={onAccept} autoFocus={focus}>
          Start chat
        </button>
        <button type="button" class="bk-btn bk-secondary" data-testid="beckon-offer-decline" onClick={onDecline}>
          No thanks
        </button>
      </div>
    </section>
  );
}
