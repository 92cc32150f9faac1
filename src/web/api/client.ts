import type { Locale } from '../../shared/i18n/runtime.ts';

/** One problem with one field, as the server reports validation failures. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** An error response of the API: `{error: {code, message, details?}}`, message already translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation messages keyed by body field (`body.email` → `email`). */
  get fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    if (!Array.isArray(this.details)) return result;
    for (const issue of this.details as FieldIssue[]) {
      if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
      const field = issue.path.replace(/^(body|query|params)\.?/, '').split('.')[0] ?? '';
      if (field && !(field in result)) result[field] = issue.message;
    }
    return result;
  }
}

/** The request never reached the server, or its answer was not the API's. */
export class NetworkError extends Error {
  constructor(readonly status?: number) {
    super(status ? `HTTP ${status}` : 'network');
    this.name = 'NetworkError';
  }
}

// The language on screen; every request announces it so server messages come back in it.
let requestLocale: Locale = 'en';
export function setRequestLocale(locale: Locale) {
  requestLocale = locale;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLocale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    throw new NetworkError(response.status);
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (error?.code)
      throw new ApiError(response.status, error.code, error.message ?? error.code, error.details);
    throw new NetworkError(response.status);
  }
  return payload as T;
}

export const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401;
