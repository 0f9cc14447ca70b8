/** Canned replies of the console: CRUD, export and import, and bad input at every step (which changes nothing). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path = '', body?: unknown, headers?: Record<string, string | undefined>) =>
  t.agent('alice', method, `/api/sandbox/canned-replies${path}`, body, headers);
const shortcuts = async () => ((await api('GET')).body.replies as any[]).map((r) => r.shortcut);

describe('canned replies', () => {
  it('starts with the starter replies, and creates, edits and deletes', async () => {
    expect(await shortcuts()).toEqual(['bye', 'hello', 'hold', 'hours']);
    const created = await api('POST', '', { shortcut: 'refund', text: '  Your refund for {Account|your account} is on its way.  ' });
    expect(created.body).toEqual({ statusCode: 0, reply: { id: expect.any(Number), shortcut: 'refund', text: 'Your refund for {Account|your account} is on its way.', updatedAt: expect.any(Number) } });
    const id = created.body.reply.id;
    expect((await api('PUT', `/${id}`, { shortcut: 'refund-sent', text: 'Sent.' })).body.reply).toMatchObject({ id, shortcut: 'refund-sent', text: 'Sent.' });
    expect((await t.agent('bob', 'GET', '/api/sandbox/canned-replies')).body.replies.find((r: any) => r.id === id).text).toBe('Sent.');
    expect((await api('DELETE', `/${id}`)).body).toEqual({ statusCode: 0 });
    expect(await shortcuts()).toEqual(['bye', 'hello', 'hold', 'hours']);
  });

  it.each([
    ['a taken shortcut (any case)', () => api('POST', '', { shortcut: 'HELLO', text: 'x' }), 409, 2, /^The shortcut 'hello' is taken by another canned reply\.$/],
    ['a bad shortcut', () => api('POST', '', { shortcut: '/hello', text: 'x' }), 400, 10, /^Invalid parameter 'shortcut': must be 1-40 letters/],
    ['a missing text', () => api('POST', '', { shortcut: 'x' }), 400, 1, /^Required parameter 'text' is missing\.$/],
    ['a blank text', () => api('POST', '', { shortcut: 'x', text: '   ' }), 400, 10, /^Invalid parameter 'text': must not be empty\.$/],
    ['a text too long', () => api('POST', '', { shortcut: 'x', text: 'y'.repeat(4001) }), 400, 10, /at most 4000 characters/],
    ['an unknown field', () => api('POST', '', { shortcut: 'x', text: 'y', html: '<b>' }), 400, 10, /^Invalid parameter/],
    ['not an object', () => api('POST', '', '[1]'), 400, 10, /^Request body must be a JSON object\.$/],
    ['editing an unknown id', () => api('PUT', '/999', { shortcut: 'x', text: 'y' }), 404, 6, /^No canned reply with id 999\.$/],
    ['editing a bad id', () => api('PUT', '/1;DROP', { shortcut: 'x', text: 'y' }), 404, 6, /^No canned reply with id/],
    ['renaming onto another shortcut', async () => api('PUT', `/${(await api('GET')).body.replies[0].id}`, { shortcut: 'hold', text: 'y' }), 409, 2, /taken/],
    ['deleting an unknown id', () => api('DELETE', '/999'), 404, 6, /^No canned reply/],
    ['no credentials', () => api('GET', '', undefined, { Authorization: undefined }), 401, 20, /^Not authenticated$/],
    ['a foreign origin', () => api('POST', '', { shortcut: 'x', text: 'y' }, { Origin: 'https://evil.example' }), 403, 3, /Cross-origin/],
  ])('refuses %s, changing nothing', async (_what, run, status, code, message) => {
    const before = t.snapshot();
    const r = await run();
    expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
    expect(t.snapshot()).toEqual(before);
  });
});

describe('export and import', () => {
  it('exports a file that imports back, merging by shortcut or replacing all', async () => {
    const exported = await api('GET', '/export');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="canned-replies.json"');
    expect(exported.body).toEqual({ format: 'beckon-canned-replies', version: 1, replies: expect.arrayContaining([{ shortcut: 'hold', text: 'Let me look into that for you, one moment please.' }]) });
    expect(exported.body).not.toHaveProperty('statusCode');

    const file = { format: 'beckon-canned-replies', version: 1, replies: [{ shortcut: 'hold', text: 'One moment.' }, { shortcut: 'new', text: 'New one.' }] };
    expect((await api('POST', '/import', file)).body).toMatchObject({ statusCode: 0, imported: 2 });
    expect(await shortcuts()).toEqual(['bye', 'hello', 'hold', 'hours', 'new']);
    expect((await api('GET')).body.replies.find((r: any) => r.shortcut === 'hold').text).toBe('One moment.');
    expect((await api('POST', '/import?mode=replace', file)).body).toMatchObject({ statusCode: 0, imported: 2 });
    expect(await shortcuts()).toEqual(['hold', 'new']);
    expect((await api('POST', '/import?mode=replace', exported.body)).body.statusCode).toBe(0);
    expect((await api('GET', '/export')).body).toEqual(exported.body);
  });

  it('takes a file larger than the chat APIs\' bodies (500 long replies)', async () => {
    const replies = Array.from({ length: 500 }, (_, i) => ({ shortcut: `r${i}`, text: 'x'.repeat(4000) }));
    expect((await api('POST', '/import?mode=replace', { format: 'beckon-canned-replies', version: 1, replies })).body).toMatchObject({ statusCode: 0, imported: 500 });
  });

  it.each([
    ['not JSON', '{"format":', 400, 10, /^Request body is not valid JSON\.$/, undefined],
    ['not a file', [1, 2], 400, 10, /^The file is not a canned replies export: file: must be a canned replies file/, [{ path: 'file', message: expect.any(String) }]],
    ['another format', { format: 'x', version: 1, replies: [] }, 400, 10, /format: must be 'beckon-canned-replies'/, [{ path: 'format', message: "must be 'beckon-canned-replies'" }]],
    ['bad replies, each named', { format: 'beckon-canned-replies', version: 1, replies: [{ shortcut: 'ok', text: 'fine' }, { shortcut: 'bad one', text: '' }, { shortcut: 'OK', text: 'dup' }, { shortcut: 'x', text: 'y', extra: 1 }] },
      400, 10, /^The file is not a canned replies export: replies\[1\]\.shortcut: must be 1-40 letters.* \(and 3 more\)$/, [
        { path: 'replies[1].shortcut', message: expect.stringMatching(/^must be 1-40 letters/) },
        { path: 'replies[1].text', message: 'must not be empty' },
        { path: 'replies[3].extra', message: "unknown field 'extra'" },
        { path: 'replies[2].shortcut', message: "'OK' is already replies[0].shortcut" },
      ]],
    ['too many replies', { format: 'beckon-canned-replies', version: 1, replies: Array.from({ length: 501 }, (_, i) => ({ shortcut: `r${i}`, text: 'x' })) }, 400, 10, /replies: must hold at most 500 replies/, [{ path: 'replies', message: 'must hold at most 500 replies' }]],
  ])('refuses %s, changing nothing', async (_what, body, status, code, message, errors) => {
    const before = t.snapshot();
    const r = await api('POST', '/import?mode=replace', body);
    expect([r.status, r.body.statusCode, r.body.statusMessage]).toEqual([status, code, expect.stringMatching(message)]);
    expect(r.body.errors).toEqual(errors);
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses an unknown mode', async () => {
    const r = await api('POST', '/import?mode=wipe', { format: 'beckon-canned-replies', version: 1, replies: [] });
    expect([r.status, r.body.statusMessage]).toEqual([400, "Invalid parameter 'mode': must be 'merge' or 'replace'."]);
  });
});
