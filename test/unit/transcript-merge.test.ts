import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/core/chat-events';
import { endSession, markFailed, markSent, newSession, pendingMessages, queueMessage } from '../../src/core/chat-session';
import { mergeEvents } from '../../src/core/transcript-merge';

const base = () => ({ ...newSession('s1', 7, 'Billing', { nickname: 'Visitor', subject: 'Bills', userData: {} }, 0), chatId: 'c1', status: 'waiting' as const });
const agentJoined: ChatEvent = { index: 2, type: 'joined', party: 'agent', nickname: 'Alex' };
const agentSays = (index: number, text: string): ChatEvent => ({ index, type: 'message', party: 'agent', nickname: 'Alex', text, at: 1000 + index });

describe('mergeEvents', () => {
  it('connects when an agent joins and shows a notice', () => {
    const s = mergeEvents(base(), [{ index: 1, type: 'joined', party: 'visitor', nickname: 'Visitor' }, agentJoined], 5);
    expect(s.status).toBe('connected');
    expect(s.agents).toEqual(['Alex']);
    expect(s.transcript.map((e) => e.text)).toEqual(['Alex joined the chat']);
    expect(s.lastIndex).toBe(2);
  });

  it('applies each index once, whatever the order and repetition', () => {
    const events = [agentSays(4, 'second'), agentJoined, agentSays(3, 'first')];
    const once = mergeEvents(base(), events, 5);
    const twice = mergeEvents(once, [...events, agentSays(3, 'first')], 6);
    expect(twice.transcript.map((e) => e.text)).toEqual(['Alex joined the chat', 'first', 'second']);
    expect(twice).toBe(once); // nothing new: the same object, so nothing is persisted
  });

  it('matches the echo of a visitor message to its pending entry by client id', () => {
    let s = queueMessage(base(), 'hello', 'm1', 'Visitor', 10);
    expect(pendingMessages(s)).toHaveLength(1);
    s = mergeEvents(s, [{ index: 3, type: 'message', party: 'visitor', nickname: 'Visitor', text: 'hello', clientMessageId: 'm1' }], 11);
    expect(s.transcript).toHaveLength(1);
    expect(s.transcript[0]).toMatchObject({ index: 3, delivery: 'sent', key: 'cm1' });
    expect(pendingMessages(s)).toHaveLength(0);
  });

  it('falls back to matching by text when the backend does not echo client ids', () => {
    let s = markSent(queueMessage(base(), 'same words', 'm1', 'Visitor', 10), 'm1');
    s = mergeEvents(s, [{ index: 3, type: 'message', party: 'visitor', nickname: 'Visitor', text: 'same words' }], 11);
    expect(s.transcript).toHaveLength(1);
    expect(s.transcript[0]?.index).toBe(3);
  });

  it('shows a visitor message sent elsewhere', () => {
    const s = mergeEvents(base(), [{ index: 3, type: 'message', party: 'visitor', nickname: 'Visitor', text: 'from elsewhere' }], 11);
    expect(s.transcript.map((e) => e.text)).toEqual(['from elsewhere']);
  });

  it('tracks agent typing and clears it when a message arrives', () => {
    let s = mergeEvents(base(), [agentJoined, { index: 3, type: 'typing-started', party: 'agent', nickname: 'Alex' }], 1);
    expect(s.agentTyping).toBe(true);
    s = mergeEvents(s, [agentSays(4, 'hi')], 2);
    expect(s.agentTyping).toBe(false);
  });

  it('an agent leaving is a transfer until the backend ends the chat', () => {
    const s = mergeEvents(base(), [agentJoined, { index: 3, type: 'left', party: 'agent', nickname: 'Alex' }], 1);
    expect(s.agents).toEqual([]);
    expect(s.status).toBe('transferred');
    expect(s.transcript.at(-1)?.text).toBe('Alex left the chat');
    const next = mergeEvents(s, [{ index: 4, type: 'joined', party: 'agent', nickname: 'Bea' }], 2);
    expect(next).toMatchObject({ status: 'connected', agents: ['Bea'] });
  });

  it('two agents make a conference; one leaving goes back to a one-to-one chat', () => {
    let s = mergeEvents(base(), [agentJoined, { index: 3, type: 'joined', party: 'agent', nickname: 'Bea' }], 1);
    expect(s).toMatchObject({ status: 'conferenced', agents: ['Alex', 'Bea'] });
    s = mergeEvents(s, [{ index: 4, type: 'left', party: 'agent', nickname: 'Alex' }], 2);
    expect(s).toMatchObject({ status: 'connected', agents: ['Bea'] });
  });
});

describe('outbox and end', () => {
  it('keeps pending messages in order and marks failures', () => {
    let s = queueMessage(queueMessage(base(), 'a', 'm1', 'V', 1), 'b', 'm2', 'V', 2);
    expect(pendingMessages(s).map((e) => e.text)).toEqual(['a', 'b']);
    s = markFailed(s, 'm1');
    expect(pendingMessages(s).map((e) => e.text)).toEqual(['b']);
    expect(s.transcript[0]?.delivery).toBe('failed');
  });

  it('ends once, with a notice', () => {
    const ended = endSession(base(), 'The chat has ended.', 50);
    expect(ended).toMatchObject({ status: 'ended', endedAt: 50 });
    expect(endSession(ended, 'again', 60)).toBe(ended);
  });
});

describe('transcript order', () => {
  it('follows the backend index, even when the visitor typed before an earlier agent line arrived', () => {
    let s = mergeEvents(base(), [agentJoined], 1);
    s = queueMessage(s, 'visitor first locally', 'm1', 'Visitor', 2);
    s = mergeEvents(s, [agentSays(3, 'agent earlier on the server'), { index: 4, type: 'message', party: 'visitor', nickname: 'Visitor', text: 'visitor first locally', clientMessageId: 'm1' }], 3);
    expect(s.transcript.map((e) => e.text)).toEqual(['Alex joined the chat', 'agent earlier on the server', 'visitor first locally']);
  });

  it('keeps pending lines after numbered ones', () => {
    let s = queueMessage(base(), 'still pending', 'm9', 'Visitor', 1);
    s = mergeEvents(s, [agentJoined, agentSays(3, 'hi')], 2);
    expect(s.transcript.map((e) => e.text)).toEqual(['Alex joined the chat', 'hi', 'still pending']);
  });
});
