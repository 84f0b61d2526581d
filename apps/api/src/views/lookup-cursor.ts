import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APPLICATION_SECRET } from '@chronicle/application';
import { validationFailed } from '@chronicle/platform';

const MAC_BYTES = 16;

/**
 * Opaque, tamper-proof cursors for the lookup lists: the id a page ended with, signed with a key
 * derived from the application secret together with the route and its filters. A cursor edited,
 * made up, or taken from another query (other filters, another route) is refused with a 400,
 * rather than silently starting a page somewhere else.
 */
@Injectable()
export class LookupCursors {
  private readonly key: Buffer;

  constructor(@Inject(APPLICATION_SECRET) secret: Buffer) {
    this.key = createHmac('sha256', secret).update('chronicle/lookup-cursor/v1').digest();
  }

  /** The cursor of the page after `lastId`, or null when the list ended. */
  next(route: string, filters: object, lastId: string | undefined): string | null {
    if (lastId === undefined) return null;
    const payload = Buffer.from(lastId, 'utf8').toString('base64url');
    return `${payload}.${this.mac(route, filters, payload).toString('base64url')}`;
  }

  /** The id the cursor's page ended with; absent cursor → undefined; a bad one → 400 `cursor`. */
  afterId(route: string, filters: object, cursor: string | undefined): string | undefined {
    if (cursor === undefined) return undefined;
    const [payload, mac, ...rest] = cursor.split('.');
    const given = Buffer.from(mac ?? '', 'base64url');
    const expected = this.mac(route, filters, payload ?? '');
    const valid =
      rest.length === 0 &&
      payload !== undefined &&
      given.length === MAC_BYTES &&
      timingSafeEqual(given, expected);
    if (!valid) {
      const problem = 'cursor is not one this query answered (altered, or from another query)';
      throw validationFailed([{ field: 'cursor', problems: [problem] }], problem);
    }
    return Buffer.from(payload, 'base64url').toString('utf8');
  }

  private mac(route: string, filters: object, payload: string): Buffer {
    const defined = Object.entries(filters).filter(([, value]) => value !== undefined);
    const canonical = JSON.stringify(defined.sort(([a], [b]) => a.localeCompare(b)));
    return createHmac('sha256', this.key)
      .update(`${route}\n${canonical}\n${payload}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
