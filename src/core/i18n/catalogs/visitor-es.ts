/**
 * What the visitor reads, in Spanish. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Informal address (tú), as web chats in Spanish usually are.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorEs: VisitorCatalog = {
  'offer.eyebrow': '¿Necesitas ayuda?',
  'offer.accept': 'Iniciar chat',
  'offer.decline': 'No, gracias',
  'offer.question': '¿Quiere chatear con nosotros?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Minimizar chat',
  'window.close': 'Cerrar chat',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (finalizado)',

  'status.requesting': 'Iniciando el chat…',
  'status.waiting': 'Esperando a un agente…',
  'status.chatting': 'Chateando con {agents}',
  'status.connected': 'Conectado',
  'status.transferred': 'Te estamos pasando con otro agente…',
  'status.ended': 'Chat finalizado',

  'chat.label': 'Chat',
  'chat.end': 'Finalizar chat',
  'chat.offline': 'No se puede conectar con el servidor de chat. Tus mensajes se guardan y se enviarán cuando vuelva.',
  'chat.you': 'Tú',
  'chat.typing': 'El agente está escribiendo…',
  'chat.transcript': 'Conversación',
  'chat.earlier': 'Ver mensajes anteriores ({count, number})',
  'chat.retry': 'Reintentar',
  'delivery.pending': 'Enviando…',
  'delivery.failed': 'No entregado',
  'delivery.fileFailed': 'No enviado',

  'composer.label': 'Mensaje',
  'composer.placeholder': 'Escribe un mensaje…',
  'composer.ended': 'Este chat ha finalizado',
  'composer.send': 'Enviar',

  'download.label': 'Descargar conversación:',
  'download.text': 'Texto',

  'file.removed': '(eliminado)',
  'file.download': 'Descargar',
  'file.downloadName': 'Descargar {name}',
  'file.downloading': 'Descargando…',
  'file.damaged': 'El archivo llegó dañado: inténtalo de nuevo.',
  'attach.button': 'Adjuntar archivo',
  'attach.preparing': 'Preparando {name}…',
  'attach.hint': '{types}, hasta {max, size}',
  'attach.anyType': 'Cualquier tipo',
  'attach.unreadable': 'No se pudo leer {name}: adjúntalo de nuevo.',
  'upload.wrongType': 'No se puede enviar {name}: este chat acepta archivos {types}.',
  'upload.wrongExtension': 'No se puede enviar {name}: este chat acepta archivos {types}, no .{ext}.',
  'upload.empty': '{name} está vacío.',
  'upload.tooBig': '{name} ocupa {size, size}; se pueden enviar archivos de hasta {max, size}.',
  'upload.tooMany': 'Ya has enviado {max, plural, one {# archivo} other {# archivos}}, el máximo de este chat.',
  'upload.totalTooBig': '{name} ocupa {size, size}; este chat solo admite {left, size} más.',
  'upload.needAgent': 'Podrás enviar archivos cuando se una un agente.',
  'size.bytes': '{n, plural, one {# byte} other {# bytes}}',
  'size.kb': '{n} KB',
  'size.mb': '{n} MB',
  'size.gb': '{n} GB',

  'notice.joined': '{name} se ha unido al chat',
  'notice.left': '{name} ha salido del chat',
  'notice.youEnded': 'Has finalizado el chat.',
  'notice.ended': 'El chat ha finalizado.',
  'notice.gone': 'Este chat ya no existe en el servidor de chat.',
  'notice.notStarted': 'No se pudo iniciar el chat: {reason}',
  'notice.serverEnded': 'El servidor de chat ha finalizado este chat: {reason}',

  'error.interrupted': 'Se ha interrumpido la conexión: inténtalo de nuevo.',
  'error.noAnswer': 'No hubo respuesta a tiempo: inténtalo de nuevo.',
  'error.notConnected': 'Sin conexión: inténtalo de nuevo en un momento.',
  'error.noFiles': 'Este chat no admite archivos.',
  'error.fileGone': 'Ese archivo ya no está en este chat.',
  'error.noFileServer': 'Este servidor de chat no ofrece archivos.',
  'error.downloadFailed': 'No se pudo descargar el archivo: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Elige un chat…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}: {status}',
  'switcher.chatUnread': '{where}, {time}: {status}, {count, number} sin leer',

  'export.heading': 'Chat en la cola {queue}',
  'export.title': 'Chat: {queue}',
  'export.unknownTime': 'hora desconocida',
  'export.notDelivered': '(no entregado)',
};
