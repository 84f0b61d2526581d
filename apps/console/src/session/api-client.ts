/** An answer other than 2xx, with the API's error code and message when it sent them. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For VALIDATION_FAILED: `[{ field, problems }]`. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type QueryValues = Record<string, string | undefined>;

/** Same-origin requests carrying the signed-in key; nothing else is ever sent. */
export class ApiClient {
  /** `onUnauthenticated` hears of every 401, whatever page asked. */
  constructor(
    private readonly key: string,
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  /** `alsoOk`: statuses whose body is an answer too (`/health` answers 503 with its report). */
  get<T>(path: string, query: QueryValues = {}, alsoOk: readonly number[] = []): Promise<T> {
    return this.send<T>('GET', withQuery(path, query), alsoOk);
  }

  post<T>(path: string): Promise<T> {
    return this.send<T>('POST', path, []);
  }

  private async send<T>(method: string, path: string, alsoOk: readonly number[]): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${this.key}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await response.text();
    const body = parseJson(text);
    if (response.status === 401) this.onUnauthenticated();
    if (!response.ok && !alsoOk.includes(response.status)) throw errorOf(response.status, body);
    return body as T;
  }
}

/** The path with the non-empty values as its query string, in the order given. */
export function withQuery(path: string, query: QueryValues): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') parameters.set(name, value);
  }
  const search = parameters.toString();
  return search === '' ? path : `${path}?${search}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, details } = body as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(status, code, message, details);
    }
  }
  return new ApiError(status, `HTTP_${status}`, `The server answered ${status}`);
}
