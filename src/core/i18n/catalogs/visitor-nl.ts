/**
 * What the visitor reads, in Dutch. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Informal address (je), as Dutch web chats usually are.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorNl: VisitorCatalog = {
  'offer.eyebrow': 'Kunnen we helpen?',
  'offer.accept': 'Chat starten',
  'offer.decline': 'Nee, bedankt',
  'offer.question': 'Wilt u met ons chatten?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Chat minimaliseren',
  'window.close': 'Chat sluiten',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (beëindigd)',

  'status.requesting': 'Chat wordt gestart…',
  'status.waiting': 'Wachten op een medewerker…',
  'status.chatting': 'In gesprek met {agents}',
  'status.connected': 'Verbonden',
  'status.transferred': 'Je wordt doorverbonden met een andere medewerker…',
  'status.ended': 'Chat beëindigd',

  'chat.label': 'Chat',
  'chat.end': 'Chat beëindigen',
  'chat.offline': 'De chatserver is niet bereikbaar. Je berichten blijven bewaard en worden verstuurd zodra hij weer bereikbaar is.',
  'chat.you': 'Jij',
  'chat.typing': 'Medewerker typt…',
  'chat.transcript': 'Chatgesprek',
  'chat.earlier': 'Eerdere berichten tonen ({count, number})',
  'chat.retry': 'Opnieuw proberen',
  'delivery.pending': 'Verzenden…',
  'delivery.failed': 'Niet afgeleverd',
  'delivery.fileFailed': 'Niet verzonden',

  'composer.label': 'Bericht',
  'composer.placeholder': 'Typ een bericht…',
  'composer.ended': 'Deze chat is beëindigd',
  'composer.send': 'Versturen',

  'download.label': 'Gesprek downloaden:',
  'download.text': 'Tekst',

  'file.removed': '(verwijderd)',
  'file.download': 'Downloaden',
  'file.downloadName': '{name} downloaden',
  'file.downloading': 'Downloaden…',
  'file.damaged': 'Het bestand kwam beschadigd aan: probeer het opnieuw.',
  'attach.button': 'Bestand bijvoegen',
  'attach.preparing': '{name} voorbereiden…',
  'attach.hint': '{types}, tot {max, size}',
  'attach.anyType': 'Elk bestandstype',
  'attach.unreadable': '{name} kon niet worden gelezen: voeg het opnieuw toe.',
  'upload.wrongType': '{name} kan niet worden verstuurd: deze chat accepteert {types}-bestanden.',
  'upload.wrongExtension': '{name} kan niet worden verstuurd: deze chat accepteert {types}-bestanden, geen .{ext}.',
  'upload.empty': '{name} is leeg.',
  'upload.tooBig': '{name} is {size, size}; bestanden tot {max, size} kunnen worden verstuurd.',
  'upload.tooMany': 'Je hebt {max, plural, one {# bestand} other {# bestanden}} verstuurd, het maximum voor deze chat.',
  'upload.totalTooBig': '{name} is {size, size}; deze chat accepteert nog maar {left, size}.',
  'upload.needAgent': 'Je kunt bestanden versturen zodra er een medewerker in de chat is.',
  'size.bytes': '{n, plural, one {# byte} other {# bytes}}',
  'size.kb': '{n} kB',
  'size.mb': '{n} MB',
  'size.gb': '{n} GB',

  'notice.joined': '{name} neemt deel aan de chat',
  'notice.left': '{name} heeft de chat verlaten',
  'notice.youEnded': 'Je hebt de chat beëindigd.',
  'notice.ended': 'De chat is beëindigd.',
  'notice.gone': 'Deze chat bestaat niet meer op de chatserver.',
  'notice.notStarted': 'De chat kon niet worden gestart: {reason}',
  'notice.serverEnded': 'De chatserver heeft deze chat beëindigd: {reason}',

  'error.interrupted': 'De verbinding is onderbroken: probeer het opnieuw.',
  'error.noAnswer': 'Geen antwoord op tijd: probeer het opnieuw.',
  'error.notConnected': 'Geen verbinding: probeer het zo opnieuw.',
  'error.noFiles': 'Deze chat accepteert geen bestanden.',
  'error.fileGone': 'Dat bestand zit niet (meer) in deze chat.',
  'error.noFileServer': 'Deze chatserver levert geen bestanden.',
  'error.downloadFailed': 'Het bestand kon niet worden gedownload: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Kies een chat…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}: {status}',
  'switcher.chatUnread': '{where}, {time}: {status}, {count, number} ongelezen',

  'export.heading': 'Chat in wachtrij {queue}',
  'export.title': 'Chat: {queue}',
  'export.unknownTime': 'onbekende tijd',
  'export.notDelivered': '(niet afgeleverd)',
};
