/** The console's pure state logic: merging by index, event handling, typing and unread. */
import { describe, expect, it } from 'vitest';
import type { AgentMessage, Interaction } from '../../sandbox/engine/types.ts';
import { applyEvent, emptyDesk, isTyping, mergeMessages, unreadCount } from '../../sandbox/console/state.ts';

const msg = (index: number, type: AgentMessage['type'], fromType: 'Customer' | 'Agent' = 'Customer', text?: string): AgentMessage => ({
  index, type, from: { nickname: fromType, participantId: fromType, type: fromType }, utcTime: index, ...(text ? { text } : {}), visibility: 'All',
});
const interaction = (id: string, messages: AgentMessage[], state: Interaction['state'] = 'Chatting'): Interaction => ({
  id, state, queue: 'Q', subject: null, customer: { nickname: 'Jane' }, userData: {}, createdAt: 0, endedAt: null, participants: [], messages,
  role: state === 'Offered' ? null : 'Primary', offer: state === 'Offered' ? { kind: 'Queue', from: null } : null, consultation: null, customerApi: 'GWS',
});
const ev = (event: string, data: unknown) => ({ event, data: JSON.stringify(data) });

describe('console state', () => {
  it('merges messages by index without duplicates, in order', () => {
    expect(mergeMessages([msg(1, 'Text'), msg(3, 'Text')], [msg(3, 'Text'), msg(2, 'Text')]).map((m) => m.index)).toEqual([1, 2, 3]);
  });

  it('applies added, message log, updated and removed events', () => {
    let s = applyEvent(emptyDesk, ev('AgentStateChanged', { user: { name: 'a', state: 'Ready' } }));
    expect(s.agentState).toBe('Ready');
    s = applyEvent(s, ev('InteractionAdded', { interaction: interaction('c1', [msg(1, 'ParticipantJoined')], 'Offered') }));
    s = applyEvent(s, ev('MessageLogUpdated', { interactionId: 'c1', messages: [msg(2, 'Text', 'Customer', 'hi')] }));
    s = applyEvent(s, ev('MessageLogUpdated', { interactionId: 'c1', messages: [msg(2, 'Text', 'Customer', 'hi')] }));
    expect(s.interactions.c1!.messages.map((m) => m.index)).toEqual([1, 2]);
    s = applyEvent(s, ev('InteractionUpdated', { interaction: interaction('c1', [msg(1, 'ParticipantJoined')], 'Chatting') }));
    expect(s.interactions.c1!.state).toBe('Chatting');
    expect(s.interactions.c1!.messages).toHaveLength(2); // an update never loses messages
    // The feed's updates carry no transcript at all: the messages the console has stay.
    const { messages: _none, ...summary } = interaction('c1', [], 'Ended');
    s = applyEvent(s, ev('InteractionUpdated', { interaction: summary }));
    expect([s.interactions.c1!.state, s.interactions.c1!.messages.map((m) => m.index)]).toEqual(['Ended', [1, 2]]);
    s = applyEvent(s, ev('MessageLogUpdated', { interactionId: 'unknown', messages: [msg(1, 'Text')] }));
    expect(Object.keys(s.interactions)).toEqual(['c1']);
    s = applyEvent(s, ev('InteractionRemoved', { interactionId: 'c1' }));
    expect(s.interactions).toEqual({});
  });

  it('keeps the per-queue states of AgentStateChanged, dropping malformed entries', () => {
    const user = { name: 'a', state: 'Ready', otherQueues: 'NotReady', queues: [{ name: 'Billing', state: 'Ready' }, { name: 'Loans', state: 'Away' }, { state: 'Ready' }] };
    const s = applyEvent(emptyDesk, ev('AgentStateChanged', { user }));
    expect(s.queues).toEqual([{ name: 'Billing', state: 'Ready' }, { name: 'Loans', state: 'NotReady' }]);
    expect(applyEvent(s, ev('AgentStateChanged', { user: { state: 'NotReady' } })).queues).toEqual([]);
  });

  it('adds a queue from QueueAdded once, keeping the list it has, and ignores a malformed one', () => {
    const user = { name: 'a', state: 'Ready', otherQueues: 'Ready', queues: [{ name: 'Billing', state: 'Ready' }] };
    let s = applyEvent(emptyDesk, ev('AgentStateChanged', { user }));
    s = applyEvent(s, ev('QueueAdded', { queue: { name: 'Cards', state: 'Ready' } }));
    s = applyEvent(s, ev('QueueAdded', { queue: { name: 'Cards', state: 'NotReady' } }));
    expect(s.queues).toEqual([{ name: 'Billing', state: 'Ready' }, { name: 'Cards', state: 'Ready' }]);
    expect(applyEvent(s, ev('QueueAdded', { queue: { state: 'Ready' } }))).toBe(s);
    expect(applyEvent(s, ev('QueueAdded', {}))).toBe(s);
  });

  it('ignores malformed and unknown events', () => {
    expect(applyEvent(emptyDesk, { event: 'InteractionAdded', data: '{not json' })).toBe(emptyDesk);
    expect(applyEvent(emptyDesk, ev('Something', {}))).toBe(emptyDesk);
  });

  it('tells whether the visitor is typing', () => {
    expect(isTyping([msg(1, 'TypingStarted')], 'Customer')).toBe(true);
    expect(isTyping([msg(1, 'TypingStarted'), msg(2, 'Text', 'Customer', 'x')], 'Customer')).toBe(false);
    expect(isTyping([msg(1, 'TypingStarted'), msg(2, 'TypingStopped')], 'Customer')).toBe(false);
    expect(isTyping([msg(1, 'TypingStarted'), msg(2, 'Text', 'Agent', 'x')], 'Customer')).toBe(true);
    expect(isTyping([msg(1, 'TypingStarted', 'Agent')], 'Customer')).toBe(false);
  });

  it('counts unread customer text after the last seen index', () => {
    const i = interaction('c', [msg(1, 'ParticipantJoined'), msg(2, 'Text', 'Customer', 'a'), msg(3, 'Text', 'Agent', 'b'), msg(4, 'Text', 'Customer', 'c')]);
    expect(unreadCount(i, 0)).toBe(2);
    expect(unreadCount(i, 2)).toBe(1);
    expect(unreadCount(i, 4)).toBe(0);
  });
});
