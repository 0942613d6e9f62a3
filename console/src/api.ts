/**
 * The console's only way to the API. The access token lives in this module's memory and
 * nowhere else; the refresh token is an HttpOnly cookie this code never sees.
 */
const API = '/api/v1';
const CSRF = { 'X-Tessera-CSRF': '1' };

export interface ApiError {
  statusCode: number;
  error?: string;
  message?: string | string[];
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    const message = body?.message;
    super(Array.isArray(message) ? message.join('; ') : (message ?? `HTTP ${status}`));
  }
}

interface BrowserSession {
  accessToken: string;
  expiresIn: number;
  sessionId: string;
}

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;

export function signedIn(): boolean {
  return accessToken !== null;
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { statusCode: response.status, message: text };
  }
}

async function browserAuth(path: string, body?: unknown): Promise<Response> {
  return fetch(`${API}/auth/browser/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...CSRF,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(accessToken && path === 'logout' ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** A login whose password was right and which waits for a second factor. */
export interface MfaChallenge {
  mfaRequired: true;
  mfaToken: string;
  methods: ('totp' | 'passkey' | 'recovery')[];
}

/** Signs in, or answers the second-factor challenge to complete with {@link completeSignIn}. */
export async function signIn(email: string, password: string): Promise<MfaChallenge | null> {
  const body = await browserSignIn('login', { email, password });
  return 'mfaRequired' in body ? body : null;
}

/** The second step of a login (`mfa/verify`) or a passkey sign-in (`passkey/login`). */
export async function completeSignIn(
  path: 'mfa/verify' | 'passkey/login',
  body: unknown,
): Promise<void> {
  await browserSignIn(path, body);
}

async function browserSignIn(
  path: string,
  payload: unknown,
): Promise<BrowserSession | MfaChallenge> {
  const response = await browserAuth(path, payload);
  const body = await parse(response);
  if (!response.ok) throw new ApiFailure(response.status, body as ApiError);
  const answer = body as BrowserSession | MfaChallenge;
  if (!('mfaRequired' in answer)) accessToken = answer.accessToken;
  return answer;
}

/**
 * Asks the person to prove who they are again (RFC 9470 step-up); true once they did. Set by
 * the step-up prompt: a call refused for want of it is retried after.
 */
let stepUpHandler: (() => Promise<boolean>) | null = null;

export function onStepUpNeeded(handler: () => Promise<boolean>): void {
  stepUpHandler = handler;
}

function needsStepUp(response: Response): boolean {
  return (response.headers.get('www-authenticate') ?? '').includes(
    'insufficient_user_authentication',
  );
}

/** A new access token from the refresh cookie; several callers at once share one request. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await browserAuth('refresh');
      if (!response.ok) {
        accessToken = null;
        return false;
      }
      accessToken = ((await response.json()) as BrowserSession).accessToken;
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  try {
    if (accessToken || (await refresh())) await browserAuth('logout');
  } finally {
    accessToken = null;
  }
}

/** Forget the in-memory token (the session ended elsewhere). */
export function dropAccessToken(): void {
  accessToken = null;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { retry?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(API + path, {
    method,
    headers,
    credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // Too long since the person last proved who they are: ask, then retry once.
  const stepUp = response.status === 401 && needsStepUp(response);
  if (stepUp && stepUpHandler && options.retry !== false && (await stepUpHandler())) {
    return api<T>(method, path, body, { retry: false });
  }
  // An expired access token: one refresh, one retry.
  if (
    response.status === 401 &&
    !stepUp &&
    accessToken &&
    options.retry !== false &&
    (await refresh())
  ) {
    return api<T>(method, path, body, { retry: false });
  }
  const parsed = await parse(response);
  if (!response.ok) throw new ApiFailure(response.status, parsed as ApiError);
  return parsed as T;
}

/** Calls that need no sign-in (password reset). */
export async function publicPost(path: string, body: unknown): Promise<void> {
  const response = await fetch(API + path, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiFailure(response.status, (await parse(response)) as ApiError);
}

/** A call that needs no sign-in and answers JSON (passkey sign-in options). */
export async function publicPostJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(API + path, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = await parse(response);
  if (!response.ok) throw new ApiFailure(response.status, parsed as ApiError);
  return parsed as T;
}
