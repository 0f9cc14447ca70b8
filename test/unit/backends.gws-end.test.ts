/**
 * The end of a GWS chat from the documented signals only, against a scripted server that
 * speaks nothing but the documented dialect (no `chatEnded`, no extras): GetChat's state,
 * capabilities and participants, and statusCode 6 (protocols.md §1.2–1.5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ABANDONED_MS, GETCHAT_EVERY_MS } from '../../src/backends/gws-chat-watch';
import { createGwsBackend } from '../../src/backends/gws';
import { fakeServer, type Answer, type FakeServer, type Seen } from './backends.fake-server';

const TALK = ['SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete'];
const agent = { nickname: 'Alex', participantId: 'p2', type: 'Agent' };
const customer = { nickname: 'Jane', participantId: 'p1', type: 'Customer' };
const joined = (index: number, who = agent) => ({ index, type: 'ParticipantJoined', from: who });
const left = (index: number, who = agent) => ({ index, type: 'ParticipantLeft', from: who });
const chat = (state: string, participants: object[], capabilities = TALK): Answer => ({ json: { statusCode: 0, chat: { id: 'c1', state, participants, capabilities } } });

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A documented-only GWS whose next message batches and GetChat answers the test scripts. */
async function scripted(batches: object[][], getChat: () => Answer) {
  let clock = 1_000_000;
  server = await fakeServer((req: Seen) => {
    if (req.path.endsWith('/messages')) return { json: { statusCode: 0, messages: batches.shift() ?? [] } };
    return getChat();
  });
  const backend = createGwsBackend({ url: server.url, contactCenterId: 'cc' }, { fetch, timeoutMs: 2_000, now: () => clock });
  const getChats = () => server!.seen.filter((r) => r.method === 'GET' && r.path === '/api/v2/chats/c1').length;
  return { backend, getChats, advance: (ms: number) => void (clock += ms) };
}

describe('GWS end of chat from documented signals', () => {
  it('ends when the agent leaves and the chat no longer lets anyone talk', async () => {
    let answer = chat('Chatting', [customer, agent]);
    const { backend, getChats } = await scripted([[joined(2)], [], [left(3)]], () => answer);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    expect(getChats()).toBe(1); // once to learn who is there; not on every poll
    answer = chat('Idle', [customer], ['Complete']);
    expect((await backend.fetchEvents('c1')).ended).toBe(true);
  });

  it('ends when GetChat says the chat is gone (statusCode 6)', async () => {
    let answer = chat('Chatting', [customer, agent]);
    const { backend } = await scripted([[joined(2)], [left(3)]], () => answer);
    await backend.fetchEvents('c1');
    answer = { status: 404, json: { statusCode: 6, statusMessage: 'Chat c1 not found' } };
    expect((await backend.fetchEvents('c1')).ended).toBe(true);
  });

  it('keeps a transfer going: no agent while WaitingForAgent is not the end, and a new agent joining ends the watch', async () => {
    let answer = chat('Chatting', [customer, agent]);
    const { backend, getChats, advance } = await scripted([[joined(2)], [left(3)], [], [], [joined(4, { ...agent, nickname: 'Bea' })], []], () => answer);
    await backend.fetchEvents('c1');
    answer = chat('WaitingForAgent', [customer]);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    advance(ABANDONED_MS + 1);
    expect((await backend.fetchEvents('c1')).ended).toBe(false); // still waiting in a queue
    const asked = getChats();
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    expect(getChats()).toBe(asked); // not again within GETCHAT_EVERY_MS
    answer = chat('Chatting', [customer, { ...agent, nickname: 'Bea' }]);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    advance(GETCHAT_EVERY_MS + 1);
    const before = getChats();
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    expect(getChats()).toBe(before); // an agent is there: nothing to ask
  });

  it('ends a chat every agent left long ago when it is not waiting for another', async () => {
    let answer = chat('Chatting', [customer, agent]);
    const { backend, advance } = await scripted([[joined(2)], [left(3)], []], () => answer);
    await backend.fetchEvents('c1');
    answer = chat('Idle', [customer]);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    advance(ABANDONED_MS + 1);
    expect((await backend.fetchEvents('c1')).ended).toBe(true);
  });

  it('a chat still waiting for its first agent is not over', async () => {
    const { backend, advance } = await scripted([[], []], () => chat('WaitingForAgent', [customer]));
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
    advance(ABANDONED_MS * 2);
    expect((await backend.fetchEvents('c1')).ended).toBe(false);
  });
});
