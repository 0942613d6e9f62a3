import { randomBytes } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error.js';

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
/** What a client may send; it is stored lower-cased, so slugs are unique ignoring case. */
export const SLUG_INPUT = /^[A-Za-z0-9-]{3,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Words a slug may not be: they name routes and pages (`/orgs/new`, `/console/invitations`) or
 * would pass an organization off as the service itself.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'api',
  'app',
  'auth',
  'console',
  'current',
  'docs',
  'help',
  'invitations',
  'login',
  'logout',
  'me',
  'members',
  'new',
  'null',
  'org',
  'orgs',
  'owner',
  'root',
  'settings',
  'support',
  'system',
  'tessera',
  'tokens',
  'undefined',
  'www',
]);

/** A slug a client chose, lower-cased; 400 naming what is wrong with it. */
export function chosenSlug(input: string): string {
  const slug = input.toLowerCase();
  if (!SLUG_INPUT.test(slug)) {
    throw new DomainError(
      'BadRequest',
      `slug must be ${SLUG_MIN} to ${SLUG_MAX} characters of a-z, 0-9 and -`,
    );
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new DomainError('BadRequest', `slug ${JSON.stringify(slug)} is reserved; choose another`);
  }
  // An organization is named by id or slug in paths: a slug shaped like an id would be ambiguous.
  if (UUID.test(slug)) throw new DomainError('BadRequest', 'slug may not have the shape of an id');
  return slug;
}

/**
 * A slug made from a name: letters and digits kept (accents dropped), runs of anything else
 * one `-`. Too short or reserved, it gets a random suffix; `attempt` > 0 adds one too (the
 * slug was taken).
 */
export function slugFromName(name: string, attempt = 0): string {
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX);
  const needsSuffix =
    attempt > 0 || base.length < SLUG_MIN || RESERVED_SLUGS.has(base) || UUID.test(base);
  if (!needsSuffix) return base;
  const suffix = randomBytes(4).toString('hex').slice(0, 6);
  base = base.slice(0, SLUG_MAX - suffix.length - 1).replace(/-+$/, '');
  return base ? `${base}-${suffix}` : `org-${suffix}`;
}

/** How `:org` names an organization: by id, or by slug ignoring case; null names none. */
export function orgReference(ref: string): { id: string } | { slug: string } | null {
  if (UUID.test(ref)) return { id: ref.toLowerCase() };
  const slug = ref.toLowerCase();
  return SLUG_INPUT.test(slug) ? { slug } : null;
}
