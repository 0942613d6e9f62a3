import { DomainError } from '../common/errors/domain-error.js';
import { RESERVED_SLUGS, chosenSlug, orgReference, slugFromName } from './org-slug.js';

describe('organization slugs', () => {
  it('are stored lower-cased, so two spellings of one slug are the same slug', () => {
    expect(chosenSlug('Acme-Corp')).toBe('acme-corp');
    expect(chosenSlug('ACME-CORP')).toBe(chosenSlug('acme-corp'));
  });

  it.each(['ab', 'a'.repeat(41), 'acme corp', 'acme_corp', 'açme', ''])(
    'refuses %j with a 400',
    (slug) => {
      expect(() => chosenSlug(slug)).toThrow(DomainError);
      expect(() => chosenSlug(slug)).toThrow(/3 to 40 characters/);
    },
  );

  it('refuses reserved words in any case', () => {
    expect(() => chosenSlug('admin')).toThrow(/reserved/);
    expect(() => chosenSlug('Console')).toThrow(/reserved/);
  });

  it('refuses a slug shaped like an id, which paths could not tell from one', () => {
    expect(() => chosenSlug('0b6b2c9e-3f55-4c8e-9d7e-1a2b3c4d5e6f')).toThrow(/shape of an id/);
  });

  it('are derived from a name: accents dropped, other runs one dash', () => {
    expect(slugFromName('Ächme & Söhne GmbH')).toBe('achme-sohne-gmbh');
    expect(slugFromName('  --Big   Co--  ')).toBe('big-co');
  });

  it('derived from a short, reserved or taken name get a random suffix within 40 characters', () => {
    expect(slugFromName('A')).toMatch(/^a-[0-9a-f]{6}$/);
    expect(slugFromName('!!')).toMatch(/^org-[0-9a-f]{6}$/);
    expect(slugFromName('Admin')).toMatch(/^admin-[0-9a-f]{6}$/);
    const long = slugFromName('x'.repeat(60), 1);
    expect(long).toMatch(/^x+-[0-9a-f]{6}$/);
    expect(long.length).toBeLessThanOrEqual(40);
    for (const word of RESERVED_SLUGS) expect(RESERVED_SLUGS.has(slugFromName(word))).toBe(false);
  });

  it('name an organization by id or by slug ignoring case, and nothing else', () => {
    expect(orgReference('0B6B2C9E-3F55-4C8E-9D7E-1A2B3C4D5E6F')).toEqual({
      id: '0b6b2c9e-3f55-4c8e-9d7e-1a2b3c4d5e6f',
    });
    expect(orgReference('Acme')).toEqual({ slug: 'acme' });
    expect(orgReference('a b')).toBeNull();
  });
});
