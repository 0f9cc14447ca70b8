/** The console's SSE parser: events, comments, multi-line data, and chunks split anywhere. */
import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from '../../sandbox/console/sse-parser.ts';

function parse(chunks: string[]) {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = new SseParser((e) => events.push(e), (c) => comments.push(c));
  for (const c of chunks) parser.push(c);
  return { events, comments };
}

const STREAM = ': connected\n\nevent: InteractionAdded\ndata: {"a":1}\n\n: keepalive\n\ndata: line one\ndata: line two\n\nevent: X\nid: 7\ndata\n\n';

describe('SseParser', () => {
  it('parses events, default names, multi-line data, ids and comments', () => {
    const { events, comments } = parse([STREAM]);
    expect(events).toEqual([
      { event: 'InteractionAdded', data: '{"a":1}' },
      { event: 'message', data: 'line one\nline two' },
      { event: 'X', data: '', id: '7' },
    ]);
    expect(comments).toEqual(['connected', 'keepalive']);
  });

  it('gives the same result however the stream is split', () => {
    const whole = parse([STREAM]);
    for (let size = 1; size <= 7; size++) {
      const chunks = STREAM.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(parse(chunks)).toEqual(whole);
    }
  });

  it('accepts CRLF and CR line endings, including a CRLF split across chunks', () => {
    expect(parse(['event: A\r\ndata: 1\r', '\n\r\n']).events).toEqual([{ event: 'A', data: '1' }]);
    expect(parse(['event: B\rdata: 2\r\r']).events).toEqual([]); // the last CR might start a CRLF
    expect(parse(['event: B\rdata: 2\r\r', 'x']).events).toEqual([{ event: 'B', data: '2' }]);
  });

  it('does not dispatch an event before its blank line, nor one without data', () => {
    expect(parse(['event: A\ndata: 1\n']).events).toEqual([]);
    expect(parse(['event: A\n\n']).events).toEqual([]);
  });

  it('strips one leading space only, a BOM, and ignores unknown fields', () => {
    expect(parse(['\uFEFFdata:  two spaces\nretry: 10\nfoo: bar\n\n']).events).toEqual([{ event: 'message', data: ' two spaces' }]);
  });

  it('resets the event name after each dispatch', () => {
    expect(parse(['event: A\ndata: 1\n\ndata: 2\n\n']).events.map((e) => e.event)).toEqual(['A', 'message']);
  });
});
