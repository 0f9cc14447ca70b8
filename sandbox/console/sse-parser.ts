/**
 * A small incremental Server-Sent Events parser (the subset of the WHATWG "event stream"
 * format the console needs). The console cannot use EventSource because EventSource
 * cannot send an Authorization header; it reads the stream with fetch() and feeds the
 * decoded text here, in chunks that may split lines anywhere.
 */

/** One dispatched event. `event` defaults to "message" as in EventSource. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** Feed text with push(); complete events are handed to `onEvent`, comments to `onComment`. */
export class SseParser {
  private buffer = '';
  private dataLines: string[] = [];
  private eventName = '';
  private lastId: string | undefined;
  private started = false;

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: (text: string) => void = () => {},
  ) {}

  /** Adds decoded text. Lines end with CRLF, LF or CR; a chunk may end mid-line. */
  push(chunk: string): void {
    this.buffer += chunk;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.startsWith('\uFEFF')) this.buffer = this.buffer.slice(1);
    }
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) return;
      // A CR as the last character may be the first half of a CRLF: wait for more text.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) return;
      const line = this.buffer.slice(0, end);
      const skip = this.buffer[end] === '\r' && this.buffer[end + 1] === '\n' ? 2 : 1;
      this.buffer = this.buffer.slice(end + skip);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return this.onComment(line.slice(1).trimStart());
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.dataLines.push(value);
    else if (field === 'event') this.eventName = value;
    else if (field === 'id' && !value.includes('\u0000')) this.lastId = value;
    // `retry` and unknown fields are ignored: the console schedules its own reconnects.
  }

  private dispatch(): void {
    if (this.dataLines.length > 0) {
      const event: SseEvent = { event: this.eventName || 'message', data: this.dataLines.join('\n') };
      if (this.lastId !== undefined) event.id = this.lastId;
      this.onEvent(event);
    }
    this.dataLines = [];
    this.eventName = '';
  }
}
