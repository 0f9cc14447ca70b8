/**
 * What the visitor reads, in French. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Formal address (vous); a no-break space before : ; ? as French typography has it.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorFr: VisitorCatalog = {
  'offer.eyebrow': 'Besoin d’aide\u00a0?',
  'offer.accept': 'Démarrer le chat',
  'offer.decline': 'Non merci',
  'offer.question': 'Voulez-vous discuter avec nous ?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Réduire le chat',
  'window.close': 'Fermer le chat',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (terminé)',

  'status.requesting': 'Démarrage du chat…',
  'status.waiting': 'En attente d’un conseiller…',
  'status.chatting': 'En discussion avec {agents}',
  'status.connected': 'Connecté',
  'status.transferred': 'Transfert vers un autre conseiller…',
  'status.ended': 'Chat terminé',

  'chat.label': 'Chat',
  'chat.end': 'Terminer le chat',
  'chat.offline': 'Impossible de joindre le serveur de chat. Vos messages sont conservés et seront envoyés dès son retour.',
  'chat.you': 'Vous',
  'chat.typing': 'Le conseiller écrit…',
  'chat.transcript': 'Historique du chat',
  'chat.earlier': 'Afficher les messages précédents ({count, number})',
  'chat.retry': 'Réessayer',
  'delivery.pending': 'Envoi…',
  'delivery.failed': 'Non distribué',
  'delivery.fileFailed': 'Non envoyé',

  'composer.label': 'Message',
  'composer.placeholder': 'Écrivez un message…',
  'composer.ended': 'Ce chat est terminé',
  'composer.send': 'Envoyer',

  'download.label': 'Télécharger l’historique\u00a0:',
  'download.text': 'Texte',

  'file.removed': '(supprimé)',
  'file.download': 'Télécharger',
  'file.downloadName': 'Télécharger {name}',
  'file.downloading': 'Téléchargement…',
  'file.damaged': 'Le fichier est arrivé endommagé\u00a0: réessayez.',
  'attach.button': 'Joindre un fichier',
  'attach.preparing': 'Préparation de {name}…',
  'attach.hint': '{types}, jusqu’à {max, size}',
  'attach.anyType': 'Tout type de fichier',
  'attach.unreadable': 'Impossible de lire {name}\u00a0: joignez-le à nouveau.',
  'upload.wrongType': 'Impossible d’envoyer {name}\u00a0: ce chat accepte les fichiers {types}.',
  'upload.wrongExtension': 'Impossible d’envoyer {name}\u00a0: ce chat accepte les fichiers {types}, pas .{ext}.',
  'upload.empty': '{name} est vide.',
  'upload.tooBig': '{name} fait {size, size}\u00a0; les fichiers jusqu’à {max, size} peuvent être envoyés.',
  'upload.tooMany': 'Vous avez envoyé {max, plural, one {# fichier} other {# fichiers}}, le maximum pour ce chat.',
  'upload.totalTooBig': '{name} fait {size, size}\u00a0; ce chat accepte encore {left, size}.',
  'upload.needAgent': 'Vous pourrez envoyer des fichiers dès qu’un conseiller aura rejoint le chat.',
  'size.bytes': '{n, plural, one {# octet} other {# octets}}',
  'size.kb': '{n} Ko',
  'size.mb': '{n} Mo',
  'size.gb': '{n} Go',

  'notice.joined': '{name} a rejoint le chat',
  'notice.left': '{name} a quitté le chat',
  'notice.youEnded': 'Vous avez terminé le chat.',
  'notice.ended': 'Le chat est terminé.',
  'notice.gone': 'Ce chat n’existe plus sur le serveur de chat.',
  'notice.notStarted': 'Le chat n’a pas pu démarrer\u00a0: {reason}',
  'notice.serverEnded': 'Le serveur de chat a mis fin à ce chat\u00a0: {reason}',

  'error.interrupted': 'La connexion a été interrompue\u00a0: réessayez.',
  'error.noAnswer': 'Pas de réponse à temps\u00a0: réessayez.',
  'error.notConnected': 'Pas de connexion\u00a0: réessayez dans un instant.',
  'error.noFiles': 'Ce chat n’accepte pas de fichiers.',
  'error.fileGone': 'Ce fichier n’est plus dans ce chat.',
  'error.noFileServer': 'Ce serveur de chat ne fournit pas de fichiers.',
  'error.downloadFailed': 'Le fichier n’a pas pu être téléchargé\u00a0: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Choisir un chat…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}\u00a0: {status}',
  'switcher.chatUnread': '{where}, {time}\u00a0: {status}, {count, plural, one {# non lu} other {# non lus}}',

  'export.heading': 'Chat sur la file {queue}',
  'export.title': 'Chat\u00a0: {queue}',
  'export.unknownTime': 'heure inconnue',
  'export.notDelivered': '(non distribué)',
};
