import type { ApiHarness } from '../../../src/commands/testing/api-harness';

/** What came back, kept raw: the harness's own `request` throws on a body that is not JSON. */
export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body, or `undefined` when the text is not JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  /** Bytes go out exactly as given, so malformed UTF-8 reaches the server untouched. */
  body?: string | Uint8Array;
}

export async function rawRequest(
  api: ApiHarness,
  path: string,
  request: RawRequest = {},
): Promise<RawAnswer> {
  const headers = new Headers(request.headers);
  if (request.token) headers.set('Authorization', `Bearer ${request.token}`);
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: request.method ?? 'GET',
    headers,
    body: request.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: parseOrUndefined(text),
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short, printable account of an answer for failure messages (bodies can be huge). */
export function describeAnswer(answer: RawAnswer): string {
  return `${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`;
}
