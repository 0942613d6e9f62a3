import { DomainError } from '../common/errors/domain-error.js';
import { readForwardedRequest } from './forwarded-request.js';

/** The raw header list Node gives: name, value, name, value, ... in the sender's spelling. */
const raw = (...pairs: [string, string][]) => pairs.flat();

function refusal(rawHeaders: string[]): string {
  try {
    readForwardedRequest(rawHeaders);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('readForwardedRequest', () => {
  it('reads either pair, in any spelling of the header names', () => {
    expect(
      readForwardedRequest(
        raw(['Host', 'x'], ['X-Forwarded-Method', 'get'], ['x-FORWARDED-uri', '/a?b=1']),
      ),
    ).toEqual({ method: 'get', uri: '/a?b=1' });
    expect(
      readForwardedRequest(raw(['X-Original-Method', 'POST'], ['X-Original-URI', '/b'])),
    ).toEqual({ method: 'POST', uri: '/b' });
  });

  it('refuses a question carrying both pairs, whichever the client added', () => {
    expect(
      refusal(
        raw(
          ['X-Original-Method', 'GET'],
          ['X-Original-URI', '/admin'],
          ['X-Forwarded-Uri', '/public/x'],
        ),
      ),
    ).toMatch(/not both: the proxy must overwrite the pair it uses/);
    expect(
      refusal(
        raw(['X-Forwarded-Method', 'GET'], ['X-Forwarded-Uri', '/a'], ['X-Original-Method', 'GET']),
      ),
    ).toMatch(/not both/);
  });

  it('refuses a forwarding header sent twice, even with the same value', () => {
    expect(
      refusal(
        raw(
          ['X-Forwarded-Method', 'GET'],
          ['X-Forwarded-Uri', '/public/x'],
          ['x-forwarded-uri', '/admin'],
        ),
      ),
    ).toBe('X-Forwarded-Uri must be sent once');
    expect(
      refusal(
        raw(['X-Original-Method', 'GET'], ['X-Original-Method', 'GET'], ['X-Original-URI', '/']),
      ),
    ).toBe('X-Original-Method must be sent once');
  });

  it('refuses a missing or empty method or URI', () => {
    expect(refusal(raw(['X-Forwarded-Uri', '/a']))).toBe(
      'X-Forwarded-Method (or X-Original-Method) is required',
    );
    expect(refusal(raw(['X-Forwarded-Method', 'GET'], ['X-Forwarded-Uri', '']))).toBe(
      'X-Forwarded-Uri (or X-Original-URI) is required',
    );
    expect(refusal(raw(['X-Original-Method', 'GET']))).toBe('X-Original-URI is required');
    expect(refusal([])).toMatch(/X-Forwarded-Method .* is required/);
  });
});
