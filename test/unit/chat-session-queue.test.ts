/** A visitor's message is queued once: a UI or a page sending the same id again changes nothing. */
import { describe, expect, it } from 'vitest';
import { newSession, queueMessageOnce } from '../../src/core/chat-session';

describe('queueMessageOnce', () => {
  it('appends a pending message, and returns the session itself for an id it already has', () => {
    const s = newSession('c1', 1, 'Billing', { nickname: 'V', subject: '', userData: {} }, 0);
    const once = queueMessageOnce(s, 'Hello', 'm-1', 'V', 10);
    expect(once.transcript).toMatchObject([{ kind: 'message', from: 'visitor', text: 'Hello', clientMessageId: 'm-1', delivery: 'pending' }]);
    expect(queueMessageOnce(once, 'Hello again', 'm-1', 'V', 20)).toBe(once);
    expect(queueMessageOnce(once, 'Second', 'm-2', 'V', 30).transcript).toHaveLength(2);
  });
});
