import type { IncomingHttpHeaders } from 'node:http';

/**
 * What an `Authorization` header offers. `Token` is the Django REST framework and Laravel name
 * for the same thing as `Bearer`, so both schemes carry a credential, in any letter case.
 */
export type AuthorizationCredential =
  /** No header, an empty one, or another scheme (Basic, Digest…): no credential was offered. */
  | { kind: 'none' }
  /** Bearer or Token without exactly one credential after it. */
  | { kind: 'malformed' }
  | { kind: 'credential'; credential: string };

const CREDENTIAL_SCHEMES = /^(?:bearer|token)$/i;
const SCHEME_AND_REST = /^(\S+)(.*)$/s;
// RFC 7235: one or more spaces after the scheme, then the credential, with no space inside it.
const ONE_CREDENTIAL = /^ +(\S+)$/;

const NONE: AuthorizationCredential = { kind: 'none' };
const MALFORMED: AuthorizationCredential = { kind: 'malformed' };

export function parseAuthorization(header: string | undefined): AuthorizationCredential {
  const value = header?.trim();
  if (!value) return NONE;
  const [, scheme, rest] = SCHEME_AND_REST.exec(value)!;
  if (!CREDENTIAL_SCHEMES.test(scheme)) return NONE;
  const credential = ONE_CREDENTIAL.exec(rest)?.[1];
  return credential ? { kind: 'credential', credential } : MALFORMED;
}

/**
 * The headers as passport-http-bearer should read them: a `Token` (or oddly spaced `Bearer`)
 * credential written as `Bearer <credential>`. Anything else is left for it to refuse as before.
 */
export function asBearerHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  // Nearly every request: `Bearer ` and one credential, as passport-http-bearer reads it.
  const sent = headers.authorization;
  if (sent !== undefined && sent.startsWith('Bearer ') && isOneCredential(sent, 7)) return headers;
  const parsed = parseAuthorization(headers.authorization);
  if (parsed.kind !== 'credential') return headers;
  const authorization = `Bearer ${parsed.credential}`;
  return headers.authorization === authorization ? headers : { ...headers, authorization };
}

/** Whether `header` holds, from `start` on, one credential: printable, no space, not empty. */
function isOneCredential(header: string, start: number): boolean {
  if (header.length === start) return false;
  for (let i = start; i < header.length; i++) {
    const code = header.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  return true;
}
