import { connect, type Socket } from 'node:net';

/**
 * An SSE request on a raw socket whose reader stops reading once the answer has begun: what a
 * stuck consumer does. `resume` reads everything that comes after, up to `until` in the text.
 */
export class UnreadStream {
  private text = '';

  private constructor(private readonly socket: Socket) {}

  static async open(baseUrl: string, path: string, token: string): Promise<UnreadStream> {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const stream = new UnreadStream(socket);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n` +
        `Authorization: Bearer ${token}\r\n\r\n`,
    );
    await new Promise<void>((resolve) => {
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        stream.text += chunk.toString('utf8');
        resolve();
      });
    });
    return stream;
  }

  /** Starts reading again and resolves once `count` event frames have arrived. */
  async resumeUntil(count: number): Promise<string[]> {
    const ids = (): string[] => [...this.text.matchAll(/^id: (\d+)$/gm)].map((match) => match[1]!);
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        this.text += chunk.toString('utf8');
        if (ids().length < count) return;
        this.socket.off('data', onData);
        resolve();
      };
      this.socket.on('data', onData);
      this.socket.resume();
    });
    return ids();
  }

  close(): void {
    this.socket.destroy();
  }
}
