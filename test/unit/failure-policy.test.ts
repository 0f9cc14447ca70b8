/**
 * One decision per step and kind of failure, and the vendor tables behind the kinds: every
 * documented code of each dialect lands on a kind, and no failure is retried forever where
 * retrying cannot help.
 */
import { describe, expect, it } from 'vitest';
import { gmsFailure, GMS_CODES } from '../../src/backends/gms-errors';
import { GWS_CODES, gwsFailure } from '../../src/backends/gws-errors';
import { endNotice, onFailure, type ChatStep, type FailureKind } from '../../src/core/failure';
import { inEnglish } from '../../src/core/i18n/visitor';

const STEPS: ChatStep[] = ['request', 'send', 'typing', 'userData', 'complete', 'poll'];
const KINDS: FailureKind[] = ['retry', 'refused', 'gone', 'unsupported', 'cancelled'];

describe('onFailure', () => {
  it('backs off only on what may pass later, and ends the chat when it is gone, whatever the step', () => {
    for (const step of STEPS) {
      expect(onFailure(step, 'retry')).toBe('backoff');
      expect(onFailure(step, 'gone')).toBe('end');
      expect(onFailure(step, 'cancelled')).toBe('continue');
      for (const kind of KINDS.filter((k) => k !== 'retry')) expect(onFailure(step, kind)).not.toBe('backoff');
    }
  });

  it('fails a refused message (to retry by hand), drops refused typing and user data, ends on a refused start, end or poll', () => {
    expect(onFailure('send', 'refused')).toBe('fail-message');
    expect(onFailure('typing', 'refused')).toBe('drop');
    expect(onFailure('userData', 'unsupported')).toBe('drop');
    expect(onFailure('request', 'refused')).toBe('end');
    expect(onFailure('complete', 'refused')).toBe('end');
    expect(onFailure('poll', 'refused')).toBe('end');
  });

  it('says why a chat ended', () => {
    expect(inEnglish(endNotice('request', 'refused', 'Unknown queue'))).toBe('The chat could not be started: Unknown queue');
    expect(inEnglish(endNotice('poll', 'gone', 'x'))).toBe('This chat no longer exists on the chat server.');
    expect(inEnglish(endNotice('complete', 'refused', 'x'))).toBe('You ended the chat.');
    expect(inEnglish(endNotice('poll', 'refused', 'Forbidden'))).toBe('The chat server ended this chat: Forbidden');
    // A phrase, so each UI says it in its language; the server's words stay as they are.
    expect(endNotice('poll', 'refused', 'Forbidden')).toEqual({ key: 'notice.serverEnded', params: { reason: 'Forbidden' } });
  });
});

describe('vendor codes', () => {
  it('GWS: 6 is gone, 4 and 9 and the unable-to codes may pass, the rest is refused (Genesys return values)', () => {
    for (let code = 1; code <= 20; code++) expect(GWS_CODES[code], `code ${code}`).toBeDefined();
    expect(gwsFailure(6, 404)).toBe('gone');
    expect([4, 9, 12, 15].map((c) => gwsFailure(c, 200))).toEqual(['retry', 'retry', 'retry', 'retry']);
    expect([1, 2, 3, 5, 10, 20].map((c) => gwsFailure(c, 400))).toEqual(Array(6).fill('refused'));
  });

  it('GMS: 1 may pass, 2 is refused, and with chatEnded (or on a 404) the chat is gone', () => {
    expect(Object.keys(GMS_CODES)).toEqual(['1', '2']);
    expect(gmsFailure(1, false, 200)).toBe('retry');
    expect(gmsFailure(2, false, 200)).toBe('refused');
    expect(gmsFailure(2, true, 200)).toBe('gone');
    expect(gmsFailure(2, false, 404)).toBe('gone');
  });

  it('a reply without the dialect\'s envelope is judged by HTTP status: 4xx refused, timeouts, 5xx and odd 2xx may pass', () => {
    for (const failure of [gwsFailure, (c: number | undefined, s: number) => gmsFailure(c, false, s)]) {
      expect([400, 403, 415].map((s) => failure(undefined, s))).toEqual(['refused', 'refused', 'refused']);
      expect([200, 408, 429, 500, 503].map((s) => failure(undefined, s))).toEqual(Array(5).fill('retry'));
      expect(failure(99, 500)).toBe('retry');
    }
  });
});
