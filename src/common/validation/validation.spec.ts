import { isDateTime } from './date-time.js';
import { isAccountEmail } from './email.js';
import { decodeUtf8, illFormedText, jsonTooDeep } from './text.js';

describe('isDateTime', () => {
  it.each([
    '2030-01-31T12:00:00Z',
    '2030-01-31T12:00:00.123456789Z',
    '2030-01-31T12:00:00+02:00',
    '2028-02-29T00:00:00-11:30',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
  ])('takes %s', (value) => expect(isDateTime(value)).toBe(true));

  it.each([
    '2030-W01-1',
    '2030-100',
    '20300101T000000Z',
    '2030-01-01T00Z',
    '2030-01-01',
    '2029-02-29T00:00:00Z',
    '2030-04-31T00:00:00Z',
    '2030-13-01T00:00:00Z',
    '2030-01-01T23:60:00Z',
    '2030-01-01T23:59:60Z',
    '2030-01-01T00:00:00+24:00',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+01:00',
    '2030-01-01t00:00:00z',
    ' 2030-01-01T00:00:00Z',
    20300101,
  ])('refuses %s', (value) => expect(isDateTime(value)).toBe(false));
});

describe('isAccountEmail', () => {
  it.each(['ada@example.com', 'Ada.Lovelace+tag@mail.example.org', 'ada@bücher.example'])(
    'takes %s',
    (value) => expect(isAccountEmail(value)).toBe(true),
  );

  it.each([
    'ada@example.com\u202e',
    '\u202eada@example.com',
    'ada@exa\u200bmple.com',
    '"ada"@example.com',
    '"a b"@example.com',
    'adä@example.com',
    'ada@bu\u0308cher.example',
    'ada@[127.0.0.1]',
    'ada@localhost',
    `${'a'.repeat(310)}@example.com`,
  ])('refuses %s', (value) => expect(isAccountEmail(value)).toBe(false));
});

describe('text rules', () => {
  it('measures nesting on the raw text, ignoring brackets in strings', () => {
    expect(jsonTooDeep('[[[]]]', 3)).toBe(false);
    expect(jsonTooDeep('[[[[]]]]', 3)).toBe(true);
    expect(jsonTooDeep('{"a":"[[[[[[","b":"\\"[[[["}', 1)).toBe(false);
    expect(jsonTooDeep('{"a":{"b":[1]}}', 2)).toBe(true);
  });

  it('refuses bytes that are not UTF-8, encoded surrogates included', () => {
    expect(decodeUtf8(Buffer.from('ü 🔑'))).toBe('ü 🔑');
    expect(decodeUtf8(Buffer.from([0x61, 0xff]))).toBeNull();
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBeNull();
    expect(decodeUtf8(Buffer.from([0xc0, 0xaf]))).toBeNull();
  });

  it('finds lone surrogates and NUL in values and keys at any depth', () => {
    expect(illFormedText({ a: ['🔑', { b: 'e\u0301' }] })).toBeNull();
    expect(illFormedText({ a: ['x', { b: 'a\ud800' }] })).toMatch(/well-formed/);
    expect(illFormedText({ ['k\udc00']: 1 })).toMatch(/well-formed/);
    expect(illFormedText(['a\u0000'])).toMatch(/NUL/);
  });
});
