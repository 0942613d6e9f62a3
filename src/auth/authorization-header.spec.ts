import { asBearerHeaders, parseAuthorization } from './authorization-header.js';

const TOKEN = 'tsr_' + 'a'.repeat(40);

describe('parseAuthorization', () => {
  it.each([
    [`Bearer ${TOKEN}`],
    [`Token ${TOKEN}`],
    [`bearer ${TOKEN}`],
    [`TOKEN ${TOKEN}`],
    [`tOkEn ${TOKEN}`],
  ])('reads the credential of %s', (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'credential', credential: TOKEN });
  });

  it('takes one or more spaces after the scheme, and ignores whitespace around the value', () => {
    for (const header of [`Token   ${TOKEN}`, `  Bearer ${TOKEN}  `, `Token ${TOKEN}\t`]) {
      expect(parseAuthorization(header)).toEqual({ kind: 'credential', credential: TOKEN });
    }
  });

  it('keeps the credential exactly as sent', () => {
    expect(parseAuthorization('Token a.b-c_d~e+f/g=')).toEqual({
      kind: 'credential',
      credential: 'a.b-c_d~e+f/g=',
    });
  });

  it.each([
    ['a scheme alone', 'Token'],
    ['a scheme with trailing spaces only', 'Bearer   '],
    ['two credentials', `Token ${TOKEN} ${TOKEN}`],
    ['a tab inside the credential', `Bearer ${TOKEN}\tx`],
    ['a tab instead of the space', `Token\t${TOKEN}`],
  ])('calls %s malformed', (_, header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'malformed' });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a blank header', '   '],
    ['Basic', 'Basic dXNlcjpwYXNz'],
    ['Digest', 'Digest username="a"'],
    ['a scheme that only starts like Token', `Tokens ${TOKEN}`],
    ['a scheme that only starts like Bearer', `Bearer2 ${TOKEN}`],
    ['a bare credential', TOKEN],
  ])('finds no credential in %s', (_, header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'none' });
  });
});

describe('asBearerHeaders', () => {
  it('hands a Token credential on as Bearer, other headers untouched', () => {
    const headers = { authorization: `token  ${TOKEN}`, 'x-request-id': 'r1' };
    expect(asBearerHeaders(headers)).toEqual({
      authorization: `Bearer ${TOKEN}`,
      'x-request-id': 'r1',
    });
    expect(headers.authorization).toBe(`token  ${TOKEN}`);
  });

  it('returns the very headers when there is nothing to rewrite', () => {
    for (const authorization of [`Bearer ${TOKEN}`, 'Basic dXNlcjpwYXNz', 'Token a b', undefined]) {
      const headers = { authorization };
      expect(asBearerHeaders(headers)).toBe(headers);
    }
  });
});
