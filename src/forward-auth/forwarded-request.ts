import { DomainError } from '../common/errors/domain-error.js';

/** The request a proxy asks about, as its forwarding headers describe it. */
export interface ForwardedRequest {
  method: string;
  uri: string;
}

/** Lower-case header name → its slot: the pair it belongs to and what it carries. */
const FORWARDING_HEADERS: Readonly<Record<string, { pair: 0 | 1; field: 'method' | 'uri' }>> = {
  'x-forwarded-method': { pair: 0, field: 'method' },
  'x-forwarded-uri': { pair: 0, field: 'uri' },
  'x-original-method': { pair: 1, field: 'method' },
  'x-original-uri': { pair: 1, field: 'uri' },
};
const PAIRS = ['X-Forwarded-Method and X-Forwarded-Uri', 'X-Original-Method and X-Original-URI'];
const NAMES = [
  { method: 'X-Forwarded-Method', uri: 'X-Forwarded-Uri' },
  { method: 'X-Original-Method', uri: 'X-Original-URI' },
] as const;
/** Longer names than any forwarding header are skipped without lower-casing them. */
const LONGEST = Math.max(...Object.keys(FORWARDING_HEADERS).map((name) => name.length));

/**
 * Reads the original request from the raw header list (name, value, name, value, ...), where a
 * repeated header is still two entries: Node joins repeated `X-*` headers with ", ", which would
 * otherwise be judged as one path whose first copy decides.
 *
 * Refused with 400: a header sent twice, and a question carrying both pairs (a proxy that sets
 * one pair and passes the client's other pair through must not let the client's copy win).
 */
export function readForwardedRequest(rawHeaders: readonly string[]): ForwardedRequest {
  const found: [Partial<ForwardedRequest>, Partial<ForwardedRequest>] = [{}, {}];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.length > LONGEST || name.length < 'x-original-uri'.length) continue;
    const slot = FORWARDING_HEADERS[name.toLowerCase()];
    if (!slot) continue;
    const seen = found[slot.pair];
    if (seen[slot.field] !== undefined) {
      throw new DomainError('BadRequest', `${NAMES[slot.pair][slot.field]} must be sent once`);
    }
    seen[slot.field] = rawHeaders[i + 1];
  }
  const [forwarded, original] = found;
  const hasForwarded = forwarded.method !== undefined || forwarded.uri !== undefined;
  const hasOriginal = original.method !== undefined || original.uri !== undefined;
  if (hasForwarded && hasOriginal) {
    throw new DomainError(
      'BadRequest',
      `Send either ${PAIRS[0]} or ${PAIRS[1]}, not both: the proxy must overwrite the pair it uses`,
    );
  }
  const pair = hasOriginal ? 1 : 0;
  const { method, uri } = found[pair];
  if (!method) throw required(pair, 'method');
  if (!uri) throw required(pair, 'uri');
  return { method, uri };
}

function required(pair: 0 | 1, field: 'method' | 'uri'): DomainError {
  const name = pair === 0 ? `${NAMES[0][field]} (or ${NAMES[1][field]})` : NAMES[1][field];
  return new DomainError('BadRequest', `${name} is required`);
}
