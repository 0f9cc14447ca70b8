/**
 * A human agent takes a chat over from the autopilot (the console's "Take over"). As a warm
 * transfer between two agents: the autopilot consults the human, the human accepts, and the
 * autopilot completes the transfer, so the visitor sees the human join and the autopilot leave,
 * and nothing in between. Every step is an ordinary agent operation; the autopilot's run on the
 * chat stops first, so it does not act again, and resumes if a step fails.
 */
import { Code, GwsError } from '../engine/errors.ts';
import type { Autopilot } from './autopilot.ts';

/** Hands chat `chatId` from the autopilot to agent `human`, who joins under `nickname`. Throws a GwsError saying why not. */
export function takeOver(autopilot: Autopilot, chatId: string, human: string, nickname: string): void {
  const repo = autopilot.desk.engine.repo;
  const chat = autopilot.desk.engine.mustChat(chatId);
  if (chat.ended) throw new GwsError(Code.InvalidState, `Chat '${chatId}' has ended; there is nothing to take over.`);
  const entry = autopilot.runs.get(chatId);
  const ringing = autopilot.accepts.get(chatId);
  const log = (from: string) => autopilot.desk.engine.change(chatId, () => repo.logChat(chatId, autopilot.desk.engine.now(), 'taken-over', human, { from }));

  if (!entry) {
    if (!ringing) throw new GwsError(Code.NotFound, `The autopilot is not in chat '${chatId}'.`);
    // Still ringing for the autopilot: it declines, and the human accepts as from the queue.
    if (autopilot.desk.routing.relation(human, chat).kind !== 'offered') {
      throw new GwsError(Code.InvalidState, `Set yourself Ready on queue '${chat.queue}' to take this chat: the autopilot has not accepted it yet.`);
    }
    autopilot.act(ringing.agent, chatId, { operationName: 'Reject' });
    autopilot.act(human, chatId, { operationName: 'Accept', nickname });
    return log(ringing.agent);
  }

  const agent = entry.slot.agent;
  const rows = repo.chatAgents(chatId);
  const mine = rows.find((r) => r.agent === human);
  const consultant = rows.find((r) => r.role === 'Consultant' && (r.status === 'Invited' || r.status === 'Joined'));
  if (consultant && consultant.agent !== human) {
    throw new GwsError(Code.InvalidState, `A consultation with '${consultant.agent}' is in progress in chat '${chatId}'; take the chat over once it has ended.`);
  }
  entry.run.finish(`${human} took the chat over`);
  try {
    if (mine?.status === 'Joined' && mine.role !== 'Consultant') {
      // Already in the chat (a conference): the autopilot just leaves it to the human.
      autopilot.act(agent, chatId, { operationName: 'StopProcessing' });
    } else {
      if (!consultant) autopilot.act(agent, chatId, { operationName: 'StartChatConsultation', agentId: human });
      if (consultant?.status !== 'Joined') autopilot.act(human, chatId, { operationName: 'Accept', nickname });
      autopilot.act(agent, chatId, { operationName: 'CompleteTransfer' });
    }
  } catch (err) {
    // The autopilot is still in charge: it goes on answering.
    if (autopilot.look(agent, chatId).member) autopilot.start(entry.slot, chatId, entry.nickname).update([]);
    throw err;
  }
  log(agent);
}
