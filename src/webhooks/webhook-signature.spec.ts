import { signatureHeader, verifySignature } from './webhook-signature.js';

const SECRET = 'whsec_test_0123456789abcdefghijklmnopqrstuv';
const BODY = '{"id":"evt_1","type":"token.created"}';
const AT = 1763942400;
/** `printf '%s' "1763942400.$BODY" | openssl dgst -sha256 -hmac "$SECRET"` */
const REFERENCE = '6523971830c0d904b2f0d67f0f40c566b18b54ac244f564a85212530c8c0abf3';

describe('webhook signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>" in the Stripe-style header', () => {
    expect(signatureHeader(SECRET, BODY, AT)).toBe(`t=${AT},v1=${REFERENCE}`);
  });

  it('verifies for the same secret and body within the tolerance only', () => {
    const header = signatureHeader(SECRET, BODY, AT);
    expect(verifySignature(SECRET, header, BODY, 300, AT * 1000 + 60_000)).toBe(true);
    expect(verifySignature(SECRET, header, BODY + ' ', 300, AT * 1000)).toBe(false);
    expect(verifySignature(SECRET + 'x', header, BODY, 300, AT * 1000)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, 300, (AT + 301) * 1000)).toBe(false);
    expect(verifySignature(SECRET, `t=${AT + 1},v1=${REFERENCE}`, BODY, 300, AT * 1000)).toBe(
      false,
    );
    expect(verifySignature(SECRET, `t=${AT},v1=zz`, BODY, 300, AT * 1000)).toBe(false);
    expect(verifySignature(SECRET, 'garbage', BODY, 300, AT * 1000)).toBe(false);
  });
});
