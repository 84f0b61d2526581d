/** One Server-Sent Events frame as a browser's EventSource would see it, comments kept apart. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
}

/**
 * A headless SSE client over fetch streaming: frames are parsed from the bytes as they arrive,
 * so a test reads events one by one while the server keeps the response open.
 */
export class SseReader {
  private buffered = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly status: number,
    readonly contentType: string,
    private readonly body: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string>): Promise<SseReader> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    if (!response.body) throw new Error(`GET ${url} answered ${response.status} without a body`);
    const contentType = response.headers.get('content-type') ?? '';
    return new SseReader(response.status, contentType, response.body.getReader(), abort);
  }

  /** The next frame, comment-only frames included. */
  async next(): Promise<SseFrame> {
    for (;;) {
      const end = this.buffered.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 2);
        return parseFrame(block);
      }
      const { value, done } = await this.body.read();
      if (done) throw new Error('The stream ended');
      this.buffered += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next `count` frames that carry an event, skipping comments. */
  async events(count: number): Promise<SseFrame[]> {
    const frames: SseFrame[] = [];
    while (frames.length < count) {
      const frame = await this.next();
      if (frame.data !== undefined) frames.push(frame);
    }
    return frames;
  }

  /** Everything left as text, once the server has ended the response. */
  async rest(): Promise<string> {
    let text = this.buffered;
    for (;;) {
      const { value, done } = await this.body.read();
      if (done) return text;
      text += this.decoder.decode(value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data = line.slice(6);
  }
  return frame;
}
