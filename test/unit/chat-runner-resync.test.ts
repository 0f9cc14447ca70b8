/**
 * The chat loop's catch-up after a long-poll it cut short: a server that keeps the read
 * cursor (GWS) may have moved it past events it was already sending when the client gave up
 * the request, so the next read must be by index, or those events are lost. The backend is a
 * scripted stand-in (what a real server did in the race is exactly what cannot be staged).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackendError, type ChatBackend, type FetchOptions } from '../../src/backends/types';
import { ChatRunner } from '../../src/background/chat-runner';
import { SessionStore } from '../../src/background/session-store';
import { newSession, queueMessage } from '../../src/core/chat-session';
import { waitFor } from '../e2e/support/wait';
import { memoryUploadStore } from './memory-upload-store';
import { quietOperations } from './scripted-backend';

beforeEach(() => fakeBrowser.reset());

describe('ChatRunner after a long-poll it cut short', () => {
  it('reads by index next, so events the server had already taken off its cursor are not lost', async () => {
    const reads: FetchOptions[] = [];
    const backend = {
      kind: 'scripted',
      longPollMs: () => 20_000,
      requestChat: async () => ({ chatId: 'gws-1' }),
      async fetchEvents(_id: string, opts: FetchOptions = {}) {
        reads.push({ ...opts, signal: undefined });
        if (opts.waitMs && reads.length === 1) {
          // Held until the runner gives it up (a message to send); the server meanwhile took event 1.
          await new Promise<void>((_, reject) => opts.signal?.addEventListener('abort', () => reject(new BackendError('cancelled', 'cancelled'))));
        }
        if (opts.fromIndex === 1) return { events: [{ index: 1, type: 'message' as const, party: 'agent' as const, nickname: 'Alex', text: 'the one in flight' }], ended: false };
        return new Promise<never>(() => undefined); // later long-polls: nothing new
      },
      ...quietOperations,
    } satisfies ChatBackend;
    const store = new SessionStore(browser.storage.local);
    await store.load(Date.now());
    const runner = new ChatRunner({ store, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads: memoryUploadStore(), backend: async () => backend });
    await store.add({ ...newSession('c1', 1, 'Billing', { nickname: 'V', subject: 's', userData: {} }, Date.now()), chatId: 'gws-1', status: 'connected' });
    runner.ensure('c1');
    await waitFor(() => reads.length === 1, { what: 'the long-poll' });
    await store.update('c1', (s) => queueMessage(s, 'Hello', 'm-1', 'V', Date.now()));
    runner.ensure('c1'); // something to send: the long-poll is cut short
    await waitFor(() => store.get('c1')!.transcript.some((e) => e.text === 'the one in flight'), { what: 'the event taken in flight' });
    expect(reads[1]).toMatchObject({ fromIndex: 1 });
    runner.stop();
  });
});
