/**
 * What a server says about a file, cleaned before anything shows or saves it
 * (src/backends/file-names.ts, gms-file-wire.ts, gms-events.ts): Content-Disposition names
 * (RFC 6266 / 8187), GMS file messages and limits with hostile values. Pure: no server.
 */
import { describe, expect, it } from 'vitest';
import { cleanFileId, cleanFileName, cleanMime, cleanSize, fileNameFromDisposition } from '../../src/backends/file-names';
import { fileOf, parseFileLimits, UPLOAD_ID_KEY } from '../../src/backends/gms-file-wire';
import { toChatEvent } from '../../src/backends/gms-events';
import type { GmsMessage } from '../../src/backends/gms-wire';

const from = (type: string, nickname = type) => ({ nickname, type });
const message = (type: string, fromType: string, fields: Partial<GmsMessage> = {}): GmsMessage =>
  ({ index: 5, type, from: from(fromType), utcTime: 1_760_000_000_000, ...fields });

describe('file names from Content-Disposition', () => {
  it('reads filename, prefers filename* (UTF-8 and ISO-8859-1) whichever comes first, and unquotes', () => {
    expect(fileNameFromDisposition('attachment; filename="report.pdf"')).toBe('report.pdf');
    expect(fileNameFromDisposition('attachment; filename=plain.txt')).toBe('plain.txt');
    expect(fileNameFromDisposition(`attachment; filename="Relev? n?3.pdf"; filename*=UTF-8''Relev%C3%A9%20n%C2%B03.pdf`)).toBe('Relevé n°3.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E2%9C%93.txt; filename="fallback.txt"`)).toBe('✓.txt');
    expect(fileNameFromDisposition(`attachment; filename*=iso-8859-1'en'%A3%20rates.txt`)).toBe('£ rates.txt');
    expect(fileNameFromDisposition('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
    expect(fileNameFromDisposition('INLINE; FILENAME="shown.png"')).toBe('shown.png');
  });

  it('gives nothing for an absent, malformed or empty header, or one naming no file', () => {
    for (const header of [null, '', 'attachment', '; filename="x"', 'attachment; filename="a"; filename="b"', 'attachment; filename*=UTF-8\'\'%E0%A4%A', 'attachment; filename*=x-made-up\'\'abc',
      'attachment; filename=""', 'attachment; filename="../.."', 'attachment filename="x"']) {
      expect(fileNameFromDisposition(header), String(header)).toBeUndefined();
    }
  });

  it('keeps only the last path segment, without control or bidi characters, at most 255 characters', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..%5C..%5Cboot.ini`)).toBe('boot.ini');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe`)).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u0000b\u0007c\u009b.txt')).toBe('abc.txt');
    expect(cleanFileName('line\r\nbreak.txt')).toBe('line break.txt');
    expect(cleanFileName(`${'n'.repeat(300)}.txt`)).toHaveLength(255);
    expect(Array.from(cleanFileName('😀'.repeat(300))!)).toHaveLength(255); // cut between characters, never inside one
    for (const bad of ['', '   ', '.', '..', '/', 'dir/', 42, null, {}, ['x']]) expect(cleanFileName(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('types, sizes and ids', () => {
  it('keeps a MIME type without its parameters, lower case; nothing else', () => {
    expect(cleanMime('Text/Plain; charset=UTF-8')).toBe('text/plain');
    expect(cleanMime('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    for (const bad of ['', 'text', 'text/', '/plain', 'text/plain/x', 'text/<script>', 'a b/c', `x/${'y'.repeat(200)}`, 7, undefined]) {
      expect(cleanMime(bad), String(bad)).toBeUndefined();
    }
  });

  it('keeps a size only as a whole number of bytes that is safe to count', () => {
    expect(cleanSize('438')).toBe(438);
    expect(cleanSize('0')).toBe(0);
    expect(cleanSize(12)).toBe(12);
    for (const bad of ['-1', '1.5', '1e3', ' 12', '0x10', '', '99999999999999999', 'NaN', -3, 2.5, Infinity, NaN, null, {}]) {
      expect(cleanSize(bad), String(bad)).toBeUndefined();
    }
  });

  it('keeps an id only if it is safe in a URL path (never . or ..)', () => {
    expect(cleanFileId('00D25C4FD5580141')).toBe('00D25C4FD5580141');
    expect(cleanFileId('a-b_c.d~e')).toBe('a-b_c.d~e');
    for (const bad of ['', '.', '..', '../refresh', 'a/b', 'a b', 'a%2F', 'é', 'x'.repeat(201), 5, null]) {
      expect(cleanFileId(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('GMS file messages', () => {
  const userData = { 'file-id': '00D25C4FD5580141', 'file-name': 'statement.pdf', 'file-size': '438', 'file-type': 'application/pdf', 'file-description': 'for May' };

  it('FileUploaded is a file event with the file from its user data; FileDeleted marks the file', () => {
    expect(toChatEvent(message('FileUploaded', 'Agent', { text: '00D25C4FD5580141', userData }))).toEqual({
      index: 5, type: 'file', party: 'agent', nickname: 'Agent', at: 1_760_000_000_000,
      file: { id: '00D25C4FD5580141', name: 'statement.pdf', size: 438, mime: 'application/pdf', description: 'for May' },
    });
    expect(toChatEvent(message('FileDeleted', 'Client', { text: 'ABC', userData: { 'file-id': 'ABC', 'file-name': 'x.txt' } }))).toMatchObject({
      type: 'file-deleted', party: 'visitor', file: { id: 'ABC', name: 'x.txt', deleted: true },
    });
  });

  it("names the visitor's upload by the id it was sent with, and only the visitor's", () => {
    const echoed = { ...userData, [UPLOAD_ID_KEY]: 'up-1' };
    expect(toChatEvent(message('FileUploaded', 'Client', { userData: echoed }))).toMatchObject({ party: 'visitor', clientMessageId: 'up-1' });
    expect(toChatEvent(message('FileUploaded', 'Agent', { userData: echoed }))!.clientMessageId).toBeUndefined();
    for (const bad of ['', 'with space', 'x'.repeat(101), 12]) {
      expect(toChatEvent(message('FileUploaded', 'Client', { userData: { ...userData, [UPLOAD_ID_KEY]: bad } }))!.clientMessageId).toBeUndefined();
    }
  });

  it('takes the id from the text when user data has none, and drops every hostile value', () => {
    const hostile = { 'file-id': '../x', 'file-name': '..\\..\\\u202Egnp.exe', 'file-size': '-5', 'file-type': 'text/html<script>', 'file-description': `a\u0000b${'c'.repeat(5000)}` };
    const file = fileOf({ index: 1, type: 'FileUploaded', text: 'SAFE1', userData: hostile })!;
    expect(file).toEqual({ id: 'SAFE1', name: 'gnp.exe', description: `ab${'c'.repeat(998)}` });
    // User data that is no object at all: the id from the text, a neutral name.
    for (const weird of [null, 'file-id=1', ['SAFE2'], 42]) {
      expect(fileOf({ index: 1, type: 'FileUploaded', text: 'SAFE2', userData: weird })).toEqual({ id: 'SAFE2', name: 'file' });
    }
  });

  it('a FileUploaded without a usable id is a notice (nothing to download); a FileDeleted without one is skipped', () => {
    expect(toChatEvent(message('FileUploaded', 'Agent', { text: '../..', userData: { 'file-name': 'x.pdf' } }))).toMatchObject({
      type: 'notice', text: 'Agent sent x.pdf, but the chat server gave no id to download it by.',
    });
    expect(toChatEvent(message('FileDeleted', 'Client', { userData: {} }))).toBeNull();
  });
});

describe('other GMS messages', () => {
  it('PushUrl is a notice naming an http(s) link; any other scheme or no URL is skipped', () => {
    expect(toChatEvent(message('PushUrl', 'Agent', { text: ' https://example.test/help?q=1 ' }))).toMatchObject({ type: 'notice', text: 'Agent shared a link: https://example.test/help?q=1' });
    expect(toChatEvent(message('PushUrl', 'Client', { text: 'http://a.test/' }))).toMatchObject({ text: 'You shared a link: http://a.test/' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url', '', undefined, `https://a.test/${'x'.repeat(2100)}`]) {
      expect(toChatEvent(message('PushUrl', 'Agent', bad === undefined ? {} : { text: bad })), String(bad)).toBeNull();
    }
  });

  it('NicknameUpdated is a notice of the new name; CustomNotice a notice; entries without index and unknown types are skipped', () => {
    expect(toChatEvent(message('NicknameUpdated', 'Client', { text: 'Janet' }))).toMatchObject({ type: 'notice', party: 'visitor', text: 'Your name in the chat is now Janet.' });
    expect(toChatEvent(message('NicknameUpdated', 'Agent', { text: 'Al\u202E' }))).toMatchObject({ text: "The agent's name is now Al." });
    expect(toChatEvent(message('NicknameUpdated', 'External', { text: 'bot' }))).toBeNull();
    expect(toChatEvent(message('CustomNotice', 'Client', { text: 'co-browse started' }))).toMatchObject({ type: 'notice', text: 'co-browse started' });
    expect(toChatEvent({ type: 'Notice', from: from('Client'), text: 'file-client-cfg-get' })).toBeNull();
    expect(toChatEvent(message('IdleAlert', 'External'))).toBeNull();
  });
});

describe('GMS file limits', () => {
  const real = {
    'download-attempts': '2', 'upload-max-files': '5', 'upload-max-file-size': '10485760', 'upload-max-total-size': '99614720', 'upload-need-agent': 'true',
    'upload-file-types': 'jpeg:JPG:pdf:png:zip:pdf', 'used-upload-max-files': '1', 'used-upload-max-total-size': '438', 'used-download-attempts': '0', 'delete-file': 'false',
  };

  it("reads a real server's limits (every value a string)", () => {
    expect(parseFileLimits(real)).toEqual({
      maxFileSize: 10_485_760, maxTotalSize: 99_614_720, maxFiles: 5, types: ['jpeg', 'jpg', 'pdf', 'png', 'zip'], needAgent: true,
      downloadAttempts: 2, usedFiles: 1, usedTotalSize: 438, usedDownloads: 0,
    });
  });

  it('takes what is optional as unlimited or unused, and drops malformed file types', () => {
    const { 'download-attempts': _d, 'upload-need-agent': _n, 'used-upload-max-files': _u, ...rest } = real;
    expect(parseFileLimits({ ...rest, 'upload-file-types': 'png:../x:exe file::' })).toMatchObject({
      downloadAttempts: Number.MAX_SAFE_INTEGER, needAgent: false, usedFiles: 0, types: ['png'],
    });
  });

  it('names the first limit that is missing or not a whole number', () => {
    const { 'upload-max-file-size': _s, ...noSize } = real;
    expect(() => parseFileLimits(noSize)).toThrow("'upload-max-file-size' is missing");
    expect(() => parseFileLimits({ ...real, 'upload-max-files': 'five' })).toThrow("'upload-max-files' is not a whole number");
    expect(() => parseFileLimits({ ...real, 'used-download-attempts': '-1' })).toThrow("'used-download-attempts' is not a whole number");
    for (const weird of [undefined, null, 'limits', [real]]) expect(() => parseFileLimits(weird)).toThrow(/is missing/);
  });
});
