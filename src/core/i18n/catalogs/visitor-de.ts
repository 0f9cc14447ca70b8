/**
 * What the visitor reads, in German. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Formal address (Sie).
 */
import type { VisitorCatalog } from '../visitor';

export const visitorDe: VisitorCatalog = {
  'offer.eyebrow': 'Können wir helfen?',
  'offer.accept': 'Chat starten',
  'offer.decline': 'Nein, danke',
  'offer.question': 'Möchten Sie mit uns chatten?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Chat minimieren',
  'window.close': 'Chat schließen',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (beendet)',

  'status.requesting': 'Chat wird gestartet…',
  'status.waiting': 'Sie werden gleich verbunden…',
  'status.chatting': 'Im Chat mit {agents}',
  'status.connected': 'Verbunden',
  'status.transferred': 'Sie werden weitergeleitet…',
  'status.ended': 'Chat beendet',

  'chat.label': 'Chat',
  'chat.end': 'Chat beenden',
  'chat.offline': 'Der Chat-Server ist nicht erreichbar. Ihre Nachrichten bleiben erhalten und werden gesendet, sobald er wieder da ist.',
  'chat.you': 'Sie',
  'chat.typing': 'Antwort wird geschrieben…',
  'chat.transcript': 'Chatverlauf',
  'chat.earlier': 'Frühere Nachrichten anzeigen ({count, number})',
  'chat.retry': 'Erneut senden',
  'delivery.pending': 'Wird gesendet…',
  'delivery.failed': 'Nicht zugestellt',
  'delivery.fileFailed': 'Nicht gesendet',

  'composer.label': 'Nachricht',
  'composer.placeholder': 'Nachricht schreiben…',
  'composer.ended': 'Dieser Chat ist beendet',
  'composer.send': 'Senden',

  'download.label': 'Verlauf herunterladen:',
  'download.text': 'Text',

  'file.removed': '(entfernt)',
  'file.download': 'Herunterladen',
  'file.downloadName': '{name} herunterladen',
  'file.downloading': 'Wird heruntergeladen…',
  'file.damaged': 'Die Datei kam beschädigt an. Bitte versuchen Sie es erneut.',
  'attach.button': 'Datei anhängen',
  'attach.preparing': '{name} wird vorbereitet…',
  'attach.hint': '{types}, bis {max, size}',
  'attach.anyType': 'Alle Dateitypen',
  'attach.unreadable': '{name} konnte nicht gelesen werden. Bitte hängen Sie die Datei erneut an.',
  'upload.wrongType': '{name} kann nicht gesendet werden: Dieser Chat nimmt {types}-Dateien an.',
  'upload.wrongExtension': '{name} kann nicht gesendet werden: Dieser Chat nimmt {types}-Dateien an, keine .{ext}-Dateien.',
  'upload.empty': '{name} ist leer.',
  'upload.tooBig': '{name} ist {size, size} groß; gesendet werden können Dateien bis {max, size}.',
  'upload.tooMany': 'Sie haben {max, plural, one {# Datei} other {# Dateien}} gesendet, mehr nimmt dieser Chat nicht an.',
  'upload.totalTooBig': '{name} ist {size, size} groß; dieser Chat nimmt nur noch {left, size} an.',
  'upload.needAgent': 'Dateien können gesendet werden, sobald jemand vom Support im Chat ist.',
  'size.bytes': '{n, plural, one {# Byte} other {# Byte}}',
  'size.kb': '{n} KB',
  'size.mb': '{n} MB',
  'size.gb': '{n} GB',

  'notice.joined': '{name} ist dem Chat beigetreten',
  'notice.left': '{name} hat den Chat verlassen',
  'notice.youEnded': 'Sie haben den Chat beendet.',
  'notice.ended': 'Der Chat wurde beendet.',
  'notice.gone': 'Diesen Chat gibt es auf dem Chat-Server nicht mehr.',
  'notice.notStarted': 'Der Chat konnte nicht gestartet werden: {reason}',
  'notice.serverEnded': 'Der Chat-Server hat diesen Chat beendet: {reason}',

  'error.interrupted': 'Die Verbindung wurde unterbrochen. Bitte versuchen Sie es erneut.',
  'error.noAnswer': 'Keine Antwort. Bitte versuchen Sie es erneut.',
  'error.notConnected': 'Keine Verbindung. Bitte versuchen Sie es gleich noch einmal.',
  'error.noFiles': 'Dieser Chat nimmt keine Dateien an.',
  'error.fileGone': 'Diese Datei ist nicht (mehr) in diesem Chat.',
  'error.noFileServer': 'Dieser Chat-Server stellt keine Dateien bereit.',
  'error.downloadFailed': 'Die Datei konnte nicht heruntergeladen werden: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Chat auswählen…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}: {status}',
  'switcher.chatUnread': '{where}, {time}: {status}, {count, number} ungelesen',

  'export.heading': 'Chat in der Warteschlange {queue}',
  'export.title': 'Chat: {queue}',
  'export.unknownTime': 'unbekannte Zeit',
  'export.notDelivered': '(nicht zugestellt)',
};
