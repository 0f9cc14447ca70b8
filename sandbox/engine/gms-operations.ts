/**
 * The customer operations only the GMS dialect has (GMS ChatAPIv2 8.5.2; ChatV2ApiRequest.swift):
 * updateNickname, customNotice (Genesys Widgets' sendCustomNotice) and pushUrl. Each leaves
 * a message of its GMS type from the customer, so the agent sees it in the transcript.
 */
import { assertOpen, type ChatEngine, customerOf } from './chat-engine.ts';

/** GMS-only customer operations over the engine. */
export class GmsOperations {
  constructor(private readonly engine: ChatEngine) {}

  /** The customer takes a new nickname: chat, participant and a `NicknameUpdated` message under the new name. */
  updateNickname(chatId: string, nickname: string): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    const me = { ...customerOf(chat), nickname };
    this.engine.change(chatId, (append) => {
      this.engine.repo.renameCustomer(chatId, me.participantId, nickname);
      append({ type: 'NicknameUpdated', from: me, text: nickname });
    });
  }

  /** A `CustomNotice` from the customer (needs a customized agent desktop on a real server). */
  customNotice(chatId: string, text: string): void {
    this.say(chatId, 'CustomNotice', text);
  }

  /** A `PushUrl` from the customer: a page it shows the agent. */
  pushUrl(chatId: string, url: string): void {
    this.say(chatId, 'PushUrl', url);
  }

  private say(chatId: string, type: 'CustomNotice' | 'PushUrl', text: string): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    this.engine.change(chatId, (append) => append({ type, from: customerOf(chat), text }));
  }
}
