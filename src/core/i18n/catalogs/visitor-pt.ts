/**
 * What the visitor reads, in Portuguese. Typed against English (visitor-en.ts): a missing or extra
 * key does not compile; test/unit/i18n-catalogs.test.ts checks the arguments.
 * Brazilian usage (você), read without trouble in Portugal.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorPt: VisitorCatalog = {
  'offer.eyebrow': 'Precisa de ajuda?',
  'offer.accept': 'Iniciar chat',
  'offer.decline': 'Agora não',
  'offer.question': 'Quer conversar connosco?',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'Minimizar chat',
  'window.close': 'Fechar chat',
  'window.restore': 'Chat',
  'window.restoreEnded': 'Chat (encerrado)',

  'status.requesting': 'Iniciando o chat…',
  'status.waiting': 'Aguardando um atendente…',
  'status.chatting': 'Conversando com {agents}',
  'status.connected': 'Conectado',
  'status.transferred': 'Transferindo você para outro atendente…',
  'status.ended': 'Chat encerrado',

  'chat.label': 'Chat',
  'chat.end': 'Encerrar chat',
  'chat.offline': 'Não foi possível acessar o servidor de chat. Suas mensagens estão guardadas e serão enviadas quando ele voltar.',
  'chat.you': 'Você',
  'chat.typing': 'O atendente está digitando…',
  'chat.transcript': 'Conversa',
  'chat.earlier': 'Mostrar mensagens anteriores ({count, number})',
  'chat.retry': 'Tentar de novo',
  'delivery.pending': 'Enviando…',
  'delivery.failed': 'Não entregue',
  'delivery.fileFailed': 'Não enviado',

  'composer.label': 'Mensagem',
  'composer.placeholder': 'Digite uma mensagem…',
  'composer.ended': 'Este chat foi encerrado',
  'composer.send': 'Enviar',

  'download.label': 'Baixar conversa:',
  'download.text': 'Texto',

  'file.removed': '(removido)',
  'file.download': 'Baixar',
  'file.downloadName': 'Baixar {name}',
  'file.downloading': 'Baixando…',
  'file.damaged': 'O arquivo chegou danificado: tente de novo.',
  'attach.button': 'Anexar arquivo',
  'attach.preparing': 'Preparando {name}…',
  'attach.hint': '{types}, até {max, size}',
  'attach.anyType': 'Qualquer tipo',
  'attach.unreadable': 'Não foi possível ler {name}: anexe de novo.',
  'upload.wrongType': 'Não é possível enviar {name}: este chat aceita arquivos {types}.',
  'upload.wrongExtension': 'Não é possível enviar {name}: este chat aceita arquivos {types}, não .{ext}.',
  'upload.empty': '{name} está vazio.',
  'upload.tooBig': '{name} tem {size, size}; é possível enviar arquivos de até {max, size}.',
  'upload.tooMany': 'Você já enviou {max, plural, one {# arquivo} other {# arquivos}}, o máximo deste chat.',
  'upload.totalTooBig': '{name} tem {size, size}; este chat aceita só mais {left, size}.',
  'upload.needAgent': 'Você poderá enviar arquivos quando um atendente entrar no chat.',
  'size.bytes': '{n, plural, one {# byte} other {# bytes}}',
  'size.kb': '{n} KB',
  'size.mb': '{n} MB',
  'size.gb': '{n} GB',

  'notice.joined': '{name} entrou no chat',
  'notice.left': '{name} saiu do chat',
  'notice.youEnded': 'Você encerrou o chat.',
  'notice.ended': 'O chat foi encerrado.',
  'notice.gone': 'Este chat não existe mais no servidor de chat.',
  'notice.notStarted': 'Não foi possível iniciar o chat: {reason}',
  'notice.serverEnded': 'O servidor de chat encerrou este chat: {reason}',

  'error.interrupted': 'A conexão foi interrompida: tente de novo.',
  'error.noAnswer': 'Sem resposta a tempo: tente de novo.',
  'error.notConnected': 'Sem conexão: tente de novo em instantes.',
  'error.noFiles': 'Este chat não aceita arquivos.',
  'error.fileGone': 'Esse arquivo não está mais neste chat.',
  'error.noFileServer': 'Este servidor de chat não fornece arquivos.',
  'error.downloadFailed': 'Não foi possível baixar o arquivo: {reason}',

  'switcher.label': 'Chat',
  'switcher.choose': 'Escolha um chat…',
  'switcher.where': '{site}, {queue}',
  'switcher.chat': '{where}, {time}: {status}',
  'switcher.chatUnread': '{where}, {time}: {status}, {count, plural, one {# não lida} other {# não lidas}}',

  'export.heading': 'Chat na fila {queue}',
  'export.title': 'Chat: {queue}',
  'export.unknownTime': 'hora desconhecida',
  'export.notDelivered': '(não entregue)',
};
