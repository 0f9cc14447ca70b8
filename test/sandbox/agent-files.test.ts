/**
 * Files on the agent API: an agent in a GMS chat sends the customer a file (multipart `file`,
 * optional `description`), which the customer sees as `FileUploaded` from the Agent and
 * downloads through the GMS file API; agents download any file of a chat they see. Refused:
 * GWS chats (no customer file API), consultants, agents not in the chat, bad files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk, viewOf } from './agent-helpers.ts';
import { gmsClient, type Session } from './gms-helpers.ts';
import { acceptedChat, basic, setReady, startTestSandbox, type Reply, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox({ fileLimits: { maxFileSize: 1000 } });
});
afterEach(async () => {
  await t.stop();
});
const { url, multipart, start, call } = gmsClient(() => t);

/** The agent sends a file as the console does (fetch + FormData + Basic auth). */
async function send(agent: string, chatId: string, file: { name: string; type: string; data: string }, description?: string): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([file.data], { type: file.type }), file.name);
  if (description !== undefined) form.append('description', description);
  const res = await fetch(`${t.sb.url}/api/v2/me/interactions/${chatId}/attachments`, { method: 'POST', headers: { Authorization: basic(agent) }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
const agentDownload = (agent: string, chatId: string, fileId: string) =>
  fetch(`${t.sb.url}/api/v2/me/interactions/${chatId}/attachments/${fileId}`, { headers: { Authorization: basic(agent) } });
const TXT = { name: 'terms.txt', type: 'text/plain', data: 'Terms and conditions' };

async function acceptedGms(): Promise<Session> {
  const s = await start();
  await setReady(t, 'alice', 'Ready');
  await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
  return s;
}

describe('agent files', () => {
  it('sends the customer a file it sees and downloads; the agent sees the same message', async () => {
    const s = await acceptedGms();
    const r = await send('alice', s.chatId, TXT, 'Please read');
    expect([r.status, r.body]).toEqual([200, { fileId: expect.stringMatching(/^[0-9A-F]{16}$/), statusCode: 0 }]);
    const fileId = r.body.fileId as string;
    const last = (await call(s, 'refresh')).body.messages.at(-1);
    expect(last).toEqual({ from: { nickname: 'Alice', participantId: 2, type: 'Agent' }, index: 3, type: 'FileUploaded', text: fileId, utcTime: expect.any(Number),
      userData: { 'file-id': fileId, 'file-name': 'terms.txt', 'file-size': '20', 'file-type': 'text/plain', 'file-description': 'Please read' } });
    const got = await fetch(url(`request-chat/${s.chatId}/file/${fileId}/download`), { method: 'POST', body: new URLSearchParams(s.creds) });
    expect(await got.text()).toBe('Terms and conditions');
    // Agent uploads do not count against the customer's limits; the customer cannot delete them.
    expect((await call(s, 'file/limits')).body.userData['used-upload-max-files']).toBe('0');
    expect((await call(s, `file/${fileId}/delete`)).body).toMatchObject({ statusCode: 2, chatEnded: false });
    const view = await viewOf(t, 'alice', s.chatId);
    expect(view.messages.at(-1)).toMatchObject({ type: 'FileUploaded', from: { type: 'Agent' }, text: fileId, userData: { 'file-name': 'terms.txt' } });
  });

  it('downloads a file the visitor sent, with headers that keep a browser from rendering it', async () => {
    const s = await acceptedGms();
    const up = await multipart(`request-chat/${s.chatId}/file`, { ...s.creds }, { file: { name: 'page.txt', type: 'text/html', data: '<script>alert(1)</script>' } });
    const fileId = up.body.userData['file-id'];
    const got = await agentDownload('alice', s.chatId, fileId);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('<script>alert(1)</script>');
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="page.txt"');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    // Another agent who does not see the chat, an unknown file: 404 / code 6.
    expect((await agentDownload('bob', s.chatId, fileId)).status).toBe(404);
    expect((await agentDownload('alice', s.chatId, '0000000000000000')).status).toBe(404);
  });

  it('refuses what is wrong, changing nothing', async () => {
    const s = await acceptedGms();
    const before = t.snapshot();
    const cases: [Promise<Reply>, number, number, RegExp][] = [
      [send('alice', s.chatId, { name: 'big.txt', type: 'text/plain', data: 'x'.repeat(1001) }), 400, 10, /'file': File 'big\.txt' is larger than 1000 bytes/],
      [send('alice', s.chatId, { name: 'tool.exe', type: 'application/octet-stream', data: 'MZ' }), 400, 10, /not of an allowed type/],
      [send('bob', s.chatId, TXT), 403, 5, /handled by another agent/],
    ];
    for (const [run, status, code, message] of cases) {
      const r = await run;
      expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
    }
    const json = await t.agent('alice', 'POST', `/api/v2/me/interactions/${s.chatId}/attachments`, { file: 'x' });
    expect([json.status, json.body.statusCode]).toEqual([415, 10]);
    expect(t.snapshot()).toEqual(before);

    const gws = await acceptedChat(t, 'bob', 'Bob');
    const r = await send('bob', gws, TXT);
    expect([r.status, r.body]).toEqual([409, { statusCode: 2, statusMessage: expect.stringMatching(/only in chats started through the GMS Chat API/) }]);
    await opOk(t, 'alice', s.chatId, { operationName: 'StopProcessing' });
    expect((await send('alice', s.chatId, TXT)).body.statusCode).toBe(2);
  });
});
