export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** The error body's `details` (e.g. `problems` of IMPORT_BLOCKED); empty when absent. */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

// The CSRF token lives only in memory: it comes back from login and GET /api/auth/me,
// so a reload re-reads it from /me instead of keeping it where scripts could find it.
let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setClientLanguage(lang: string): void {
  language = lang;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal };

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  const form = options.body instanceof FormData ? options.body : null;
  // A FormData body sets its own multipart Content-Type (with the boundary).
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(`/api${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }

  if (!response.ok) {
    const error = await parseError(response);
    // Login answers 401 for a wrong password and /me answers 401 when signed out;
    // neither is a session lost mid-work, so neither triggers the redirect handler.
    if (error.status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function parseError(response: Response): Promise<ApiError> {
  const fallbackCode = response.status === 429 ? 'RATE_LIMITED' : response.status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  try {
    const data: unknown = await response.json();
    if (isErrorBody(data)) {
      const { code, message, fields, details } = data.error;
      return new ApiError(response.status, code ?? fallbackCode, message ?? response.statusText, fields ?? [], details ?? {});
    }
  } catch {
    // Not JSON (a proxy page, say): fall through to the status-based error.
  }
  return new ApiError(response.status, fallbackCode, response.statusText);
}

type ErrorBody = { error: { code?: string; message?: string; fields?: FieldError[]; details?: Record<string, unknown> } };

function isErrorBody(data: unknown): data is ErrorBody {
  return typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'object' && data.error !== null;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** multipart/form-data upload; carries the CSRF header like every other write. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
};
