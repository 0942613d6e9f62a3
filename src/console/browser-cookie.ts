/** The browser's refresh token: a cookie only the refresh route receives. */
export const REFRESH_COOKIE = 'tessera_refresh';
export const BROWSER_AUTH_PATH = '/api/v1/auth/browser';
export const REFRESH_COOKIE_PATH = `${BROWSER_AUTH_PATH}/refresh`;

const COOKIE_VALUE = /^[A-Za-z0-9_-]{1,512}$/;

/** The value of one cookie in a `Cookie` header, or null when absent or not token-shaped. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return COOKIE_VALUE.test(value) ? value : null;
  }
  return null;
}

/**
 * `HttpOnly` (page scripts cannot read it), `SameSite=Strict` (no other site's page makes the
 * browser send it), `Secure` outside development, and a `Path` that only the refresh route
 * matches. `value: null` clears it.
 */
export function refreshCookie(
  value: string | null,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  const parts = [
    `${REFRESH_COOKIE}=${value ?? ''}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${value === null ? 0 : options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
