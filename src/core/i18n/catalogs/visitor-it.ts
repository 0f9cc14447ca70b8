/**
 * What the visitor reads, in Italian. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Informal address (tu), as Italian web chats usually are.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorIt: VisitorCatalog = {
  'offer.eyebrow': 'Serve aiuto?',
  'offer.accept': 'Avvia la chat',
  'offer.decline': 'No, grazie',
  'offer.question': 'Vuole chattare con noi?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Riduci la chat',
  'window.close': 'Chiudi la chat',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (terminata)',

  'status.requesting': 'Avvio della chat…',
  'status.waiting': 'In attesa di un operatore…',
  'status.chatting': 'In chat con {agents}',
  'status.connected': 'Connesso',
  'status.transferred': 'Trasferimento a un altro operatore…',
  'status.ended': 'Chat terminata',

  'chat.label': 'Chat',
  'chat.end': 'Termina la chat',
  'chat.offline': 'Impossibile raggiungere il server della chat. I tuoi messaggi sono salvati e verranno inviati appena torna disponibile.',
  'chat.you': 'Tu',
  'chat.typing': 'L’operatore sta scrivendo…',
  'chat.transcript': 'Conversazione',
  'chat.earlier': 'Mostra i messaggi precedenti ({count, number})',
  'chat.retry': 'Riprova',
  'delivery.pending': 'Invio…',
  'delivery.failed': 'Non consegnato',
  'delivery.fileFailed': 'Non inviato',

  'composer.label': 'Messaggio',
  'composer.placeholder': 'Scrivi un messaggio…',
  'composer.ended': 'Questa chat è terminata',
  'composer.send': 'Invia',

  'download.label': 'Scarica la conversazione:',
  'download.text': 'Testo',

  'file.removed': '(rimosso)',
  'file.download': 'Scarica',
  'file.downloadName': 'Scarica {name}',
  'file.downloading': 'Download in corso…',
  'file.damaged': 'Il file è arrivato danneggiato: riprova.',
  'attach.button': 'Allega un file',
  'attach.preparing': 'Preparazione di {name}…',
  'attach.hint': '{types}, fino a {max, size}',
  'attach.anyType': 'Qualsiasi tipo',
  'attach.unreadable': 'Impossibile leggere {name}: allegalo di nuovo.',
  'upload.wrongType': 'Impossibile inviare {name}: questa chat accetta file {types}.',
  'upload.wrongExtension': 'Impossibile inviare {name}: questa chat accetta file {types}, non .{ext}.',
  'upload.empty': '{name} è vuoto.',
  'upload.tooBig': '{name} pesa {size, size}; si possono inviare file fino a {max, size}.',
  'upload.tooMany': 'Hai già inviato {max, plural, one {# file} other {# file}}, il massimo per questa chat.',
  'upload.totalTooBig': '{name} pesa {size, size}; questa chat accetta ancora solo {left, size}.',
  'upload.needAgent': 'Potrai inviare file appena un operatore entrerà nella chat.',
  'size.bytes': '{n, plural, one {# byte} other {# byte}}',
  'size.kb': '{n} KB',
  'size.mb': '{n} MB',
  'size.gb': '{n} GB',

  'notice.joined': '{name} ora è nella chat',
  'notice.left': '{name} ha lasciato la chat',
  'notice.youEnded': 'Hai terminato la chat.',
  'notice.ended': 'La chat è terminata.',
  'notice.gone': 'Questa chat non esiste più sul server della chat.',
  'notice.notStarted': 'Impossibile avviare la chat: {reason}',
  'notice.serverEnded': 'Il server della chat ha terminato questa chat: {reason}',

  'error.interrupted': 'La connessione si è interrotta: riprova.',
  'error.noAnswer': 'Nessuna risposta in tempo: riprova.',
  'error.notConnected': 'Nessuna connessione: riprova tra poco.',
  'error.noFiles': 'Questa chat non accetta file.',
  'error.fileGone': 'Quel file non è (più) in questa chat.',
  'error.noFileServer': 'Questo server della chat non fornisce file.',
  'error.downloadFailed': 'Impossibile scaricare il file: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Scegli una chat…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}: {status}',
  'switcher.chatUnread': '{where}, {time}: {status}, {count, number} da leggere',

  'export.heading': 'Chat sulla coda {queue}',
  'export.title': 'Chat: {queue}',
  'export.unknownTime': 'ora sconosciuta',
  'export.notDelivered': '(non consegnato)',
};
