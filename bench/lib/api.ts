// Small JSON client for setting up benchmark data through the public API (shared/API.md).

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; token?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

function expectStatus(response: ApiResponse, expected: number, what: string): void {
  if (response.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
}

export interface Owner {
  email: string;
  password: string;
  /** `tandem_session=…`, ready for a Cookie header. */
  cookie: string;
  /** Personal API token, for `Authorization: Bearer …`. */
  token: string;
}

/** Registers the first account (the owner) of a fresh instance and creates an API token for it. */
export async function createOwner(baseUrl: string): Promise<Owner> {
  const email = 'owner@bench.example';
  const password = 'bench-password-1234';
  const registered = await api(baseUrl, 'POST', '/api/auth/register', {
    body: { email, password, name: 'Bench Owner', locale: 'en', timeZone: 'Europe/Moscow' },
  });
  expectStatus(registered, 201, 'POST /api/auth/register');
  const session = registered.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('tandem_session='));
  if (!session) throw new Error('POST /api/auth/register set no tandem_session cookie');
  const created = await api<{ id: string; token: string }>(baseUrl, 'POST', '/api/tokens', {
    body: { name: 'bench' },
    cookie: session,
  });
  expectStatus(created, 201, 'POST /api/tokens');
  if (typeof created.body?.token !== 'string') throw new Error('POST /api/tokens returned no token');
  return { email, password, cookie: session, token: created.body.token };
}
