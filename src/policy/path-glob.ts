/**
 * Route globs and request paths.
 *
 * A glob is an absolute path whose segments are literal text, `*` (exactly one segment) or
 * `**` (any number of segments, none included); `*` inside a segment (`/files/*.json`) matches
 * any run of characters but `/`. Matching ignores case unless the policy says otherwise: many
 * upstreams (Express, ASP.NET Core) route `/ADMIN/x` to the `/admin/x` handler, so no spelling
 * may be less protected than the one a rule names. The case is folded by the compiled RegExp
 * (the `i` flag, as Express's own router does), never per request.
 *
 * A request path is compared in a normal form: the query string dropped, empty segments
 * (`//`, a trailing `/`) removed, each segment percent-decoded once. A path that the upstream
 * could read differently from the matcher is refused rather than guessed at: dot segments
 * (`.`, `..`, also encoded as `%2e`), encoded or literal separators inside a segment (`%2f`,
 * `\`, `%5c`), `;` (path parameters, which some servers strip), control characters, a `#`,
 * malformed percent-encoding, and anything not starting with `/`. So `/public/../admin` never
 * reaches a rule for `/public/**`, and `/adm%69n` is matched as `/admin`. A literal space or
 * comma is refused too: it is what two copies of a header joined by ", " look like. So is a
 * letter that some servers fold into an ASCII one (dotless `ı`, `İ`, long `ſ`, the Kelvin sign),
 * which no RegExp case folding would match against the rule's ASCII spelling.
 */

/** The longest request path the matcher reads; longer ones are refused. */
export const MAX_REQUEST_PATH_LENGTH = 8192;

// Control characters are exactly what these two must catch.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_GLOB = /[?#%;\\[\]{}\s\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\;\u0000-\u001f\u007f\u0130\u0131\u017f\u212a]/;
/** In the path as sent, before decoding (see the module comment). */
const FORBIDDEN_RAW = /[ ,]/;

/** The segment of a route path that names an organization (by id or slug). */
export const ORG_SEGMENT = '{org}';

/** Why a glob is not valid, or undefined when it is. */
export function globProblem(glob: string): string | undefined {
  if (!glob.startsWith('/')) return 'must start with "/"';
  if (glob === '/') return undefined;
  const segments = glob.slice(1).split('/');
  const orgSegments = segments.filter((segment) => segment === ORG_SEGMENT).length;
  if (orgSegments > 1) return `may hold one ${ORG_SEGMENT} segment, not ${orgSegments}`;
  const bad = FORBIDDEN_IN_GLOB.exec(
    segments.filter((segment) => segment !== ORG_SEGMENT).join('/'),
  );
  if (bad) return `must not contain ${JSON.stringify(bad[0])}`;
  if (glob.endsWith('/')) return 'must not end with "/" (a trailing slash is ignored in requests)';
  for (const segment of glob.slice(1).split('/')) {
    if (segment === '') return 'must not contain an empty segment ("//")';
    if (segment === '.' || segment === '..') return 'must not contain "." or ".." segments';
    if (segment.includes('**') && segment !== '**') return '"**" must be a whole segment';
  }
  return undefined;
}

/**
 * Compiles a valid glob (see {@link globProblem}) into an anchored RegExp over normal paths,
 * ignoring case unless `caseSensitive`.
 */
export function compileGlob(glob: string, { caseSensitive = false } = {}): RegExp {
  const problem = globProblem(glob);
  if (problem) throw new Error(`Invalid route glob ${JSON.stringify(glob)}: ${problem}`);
  const flags = caseSensitive ? '' : 'i';
  if (glob === '/') return new RegExp('^/$', flags);
  let body = '';
  let canBeEmpty = true;
  for (const segment of glob.slice(1).split('/')) {
    if (segment === '**') {
      body += '(?:/[^/]+)*';
      continue;
    }
    canBeEmpty = false;
    if (segment === ORG_SEGMENT) {
      // One segment, captured: the organization the request names.
      body += '/([^/]+)';
      continue;
    }
    body +=
      segment === '*'
        ? '/[^/]+'
        : '/' +
          segment
            .split('*')
            .map((literal) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
            .join('[^/]*');
  }
  // A glob of nothing but `**` also covers the root, whose normal form is "/".
  return new RegExp(canBeEmpty ? `^(?:${body}|/)$` : `^${body}$`, flags);
}

export type NormalisedPath =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** The normal form of a request target's path (see the module comment), or why it is refused. */
export function normaliseRequestPath(target: string): NormalisedPath {
  const query = target.indexOf('?');
  const raw = query === -1 ? target : target.slice(0, query);
  if (!raw.startsWith('/')) return refuse('does not start with "/"');
  if (raw.length > MAX_REQUEST_PATH_LENGTH) return refuse('is too long');
  if (raw.includes('#')) return refuse('contains "#"');
  const unencoded = FORBIDDEN_RAW.exec(raw);
  if (unencoded) return refuse(`contains ${JSON.stringify(unencoded[0])} (percent-encode it)`);
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    if (encoded === '') continue;
    let segment = encoded;
    if (encoded.includes('%')) {
      try {
        segment = decodeURIComponent(encoded);
      } catch {
        return refuse('has malformed percent-encoding');
      }
    }
    if (segment === '.' || segment === '..') return refuse('contains a dot segment');
    const bad = FORBIDDEN_IN_SEGMENT.exec(segment);
    if (bad) return refuse(`contains ${JSON.stringify(bad[0])} inside a segment`);
    segments.push(segment);
  }
  return { ok: true, path: '/' + segments.join('/') };
}

function refuse(reason: string): NormalisedPath {
  return { ok: false, reason: `path ${reason}` };
}
