import { lookOf } from '../../core/profiles/look';
import type { Profile } from '../../core/profiles/profile';
import type { ChatView, OfferView } from '../../protocol/ports';
import { ChatPanel, WindowBar } from '../components/ChatPanel';
import { OfferCard } from '../components/OfferCard';
import { useWordsFor } from '../i18n/load';
import { useStaffT } from '../i18n/staff';
import { VisitorLanguage, type Words } from '../i18n/words';
import { lookStyle } from '../look';

const QUEUE = 'Billing';
const AGENT = 'Alex';
/** An offer with no text of its own: the card asks in the profile's language. */
const OFFER: OfferView = { id: 'preview', topic: '', queue: QUEUE, metadata: {}, ui: 'default' };

/** A chat as it looks a moment after the agent joined, in the profile's language. */
function sampleChat(words: Words): ChatView {
  return {
    id: 'preview', status: 'connected', queue: QUEUE, agents: [AGENT], agentTyping: true, offline: false, unread: 0, lastIndex: 2, startedAt: 0,
    transcript: [
      { key: 'i1', index: 1, kind: 'notice', from: 'agent', nickname: AGENT, text: '', phrase: { key: 'notice.joined', params: { name: AGENT } }, at: 0, event: 'joined' },
      { key: 'i2', index: 2, kind: 'message', from: 'agent', nickname: AGENT, text: words.t('offer.question'), at: 0 },
    ],
  };
}

/**
 * The live preview of a profile being edited (issue 13): the offer card and the chat window as
 * a visitor would see them, in its brand, colours, logo and language, with the visitor's own
 * components and catalogs. Inert: nothing in it can be clicked or focused. A profile that
 * speaks the page's language is shown in English, the language of a page without one.
 */
export function ProfilePreview({ profile }: { profile: Profile }) {
  const t = useStaffT();
  const look = lookOf(profile, undefined);
  const words = useWordsFor(look.language);
  const ignore = () => undefined;
  return (
    <figure class="profile-preview" data-testid="options-profile-preview">
      <figcaption>{t('options.profile.preview')}</figcaption>
      {words ? (
        <VisitorLanguage.Provider value={words}>
          <div class="bk-root profile-preview-stage" lang={words.lang} dir={words.dir} style={lookStyle(look)} {...{ inert: true }}>
            <OfferCard offer={OFFER} look={look} onAccept={ignore} onDecline={ignore} />
            <div class="bk-window">
              <WindowBar look={look} title={words.t('window.title', { brand: look.brand, queue: QUEUE })} onMinimise={ignore} />
              <ChatPanel chat={sampleChat(words)} send={ignore} />
            </div>
          </div>
        </VisitorLanguage.Provider>
      ) : null}
    </figure>
  );
}
