/**
 * A polite HTTP client for a public website: one request at a time, at most one a `intervalMs` (a second by
 * default), a User-Agent naming the project, a timeout per request, and retries with exponential backoff on
 * 429 and 5xx (honouring Retry-After) and on a timeout or dropped connection. Anything else (404, say) fails at
 * once: asking again would not help.
 */

export interface ClientOptions {
  userAgent: string;
  /** Least time between the starts of two requests. */
  intervalMs: number;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** The first retry's wait; each later one waits twice as long. */
  backoffMs: number;
  /** The longest Retry-After honoured; a server asking for more fails the request. */
  maxRetryAfterMs?: number;
  /** Called before each wait for a retry, to say why (the progress line shows it). */
  onRetry?: (url: string, reason: string, waitMs: number) => void;
}

export interface Response {
  url: string;
  contentType: string;
  body: Uint8Array;
}

export class FetchError extends Error {
  readonly url: string;
  constructor(url: string, reason: string) {
    super(reason);
    this.name = 'FetchError';
    this.url = url;
  }
}

/** Retry-After as seconds or an HTTP date → milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before retry `attempt` (1 for the first): the server's Retry-After if given, else backoff · 2^(attempt−1). */
export function retryDelayMs(attempt: number, backoffMs: number, retryAfter: number | null): number {
  return retryAfter ?? backoffMs * 2 ** (attempt - 1);
}

const RETRIED_STATUS = (status: number) => status === 429 || status >= 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body, or why it was not read whole: a response larger than `maxBytes` is abandoned, never held in memory. */
async function readBody(response: globalThis.Response, maxBytes: number): Promise<Uint8Array | string> {
  const tooLarge = (bytes: number) => `the response is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB (${bytes} bytes or more), too large to be one report`;
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body ?? []) {
    length += chunk.length;
    if (length > maxBytes) return tooLarge(length); // Leaving the loop cancels the rest of the body.
    chunks.push(chunk);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) body.set(chunk, (offset += chunk.length) - chunk.length);
  return body;
}

export interface Client {
  get(url: string, options?: { maxBytes?: number }): Promise<Response>;
}

export function createClient(options: ClientOptions): Client {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  let lastStart = -Infinity;

  async function attempt(url: string, maxBytes: number): Promise<{ ok: true; response: Response } | { ok: false; retry: boolean; reason: string; retryAfter: number | null }> {
    const wait = lastStart + options.intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    lastStart = performance.now();
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': options.userAgent, accept: 'text/html,application/pdf;q=0.9,*/*;q=0.8' },
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return {
          ok: false,
          retry: RETRIED_STATUS(response.status),
          reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          retryAfter: retryAfterMs(response.headers.get('retry-after')),
        };
      }
      const body = await readBody(response, maxBytes);
      if (typeof body === 'string') return { ok: false, retry: false, reason: body, retryAfter: null };
      return { ok: true, response: { url: response.url || url, contentType: response.headers.get('content-type') ?? '', body } };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const reason =
        name === 'TimeoutError'
          ? `no complete response within ${(options.timeoutMs / 1000).toFixed(1)} s`
          : `the connection failed (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)})`;
      return { ok: false, retry: true, reason, retryAfter: null };
    }
  }

  return {
    async get(url, { maxBytes = Infinity } = {}) {
      for (let tried = 0; ; tried++) {
        const result = await attempt(url, maxBytes);
        if (result.ok) return result.response;
        if (!result.retry || tried >= options.retries) {
          const attempts = tried + 1;
          throw new FetchError(url, attempts > 1 ? `${result.reason} (after ${attempts} attempts)` : result.reason);
        }
        const waitMs = retryDelayMs(tried + 1, options.backoffMs, result.retryAfter);
        if (waitMs > maxRetryAfterMs) throw new FetchError(url, `${result.reason}; the server asks to wait ${Math.round(waitMs / 1000)} s before retrying`);
        options.onRetry?.(url, result.reason, waitMs);
        await sleep(waitMs);
      }
    },
  };
}
