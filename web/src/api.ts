// The REST client (docs/api.md). The session lives in an HttpOnly cookie the browser sends by
// itself; the CSRF token the session endpoints answer is kept in memory only (never in storage)
// and sent as X-CSRF-Token on every state-changing request. A 401 on any call other than the
// login itself hands control to the login page through onUnauthenticated.
export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,          // HTTP status; 0 when the server could not be reached
    readonly code: string,            // the API's error code, or 'network' / 'http_<status>'
    message: string,
    readonly field = '',
    readonly retryAfter: number | null = null,
    readonly body: unknown = null,    // the whole answer, for routes that add detail (problems)
  ) {
    super(message);
  }

  // Why the server refused, as a code the catalogue words ("plan_not_draft"), with its parameters;
  // '' when the answer gave none.
  get reason(): string {
    return (this.body as { error?: { reason?: string } } | null)?.error?.reason ?? '';
  }

  get params(): Record<string, string> {
    return (this.body as { error?: { params?: Record<string, string> } } | null)?.error?.params ?? {};
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  // Do not treat a 401 as "session over" (the login call and the session probe).
  allowUnauthenticated?: boolean;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method, headers, body: payload, credentials: 'same-origin', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const err = (json as { error?: { code?: string; message?: string; field?: string } } | null)
      ?.error;
    const retry = (json as { retry_after?: number } | null)?.retry_after ??
      (response.headers.get('Retry-After') ? Number(response.headers.get('Retry-After')) : null);
    const error = new ApiError(response.status, err?.code ?? `http_${response.status}`,
      err?.message ?? response.statusText, err?.field ?? '', retry, json);
    if (response.status === 401 && !options.allowUnauthenticated) {
      csrfToken = null;
      onUnauthenticated();
    }
    throw error;
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query, options?: RequestOptions) =>
  request<T>('GET', withQuery(path, query), undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body, options);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);
