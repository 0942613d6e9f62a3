import { TOKENS_IMPORTED_SUBJECT, tokensImportedMail } from './token-imported.js';

const AT = new Date('2026-03-04T05:06:07.000Z');

describe('tokensImportedMail', () => {
  it('lists the imported tokens and their scopes, and says what to do if unexpected', () => {
    const mail = tokensImportedMail({
      to: 'ada@example.test',
      name: 'Ada',
      tokenNames: ['deploy', 'backup'],
      scopes: ['tokens:read'],
      importedAt: AT,
    });
    expect(mail.subject).toBe(TOKENS_IMPORTED_SUBJECT);
    expect(mail.text).toContain(
      '2 API tokens were imported into your Tessera account at 2026-03-04T05:06:07.000Z',
    );
    expect(mail.text).toContain('- "deploy"\n- "backup"');
    expect(mail.text).toContain('Scopes they hold: tokens:read.');
    expect(mail.text).toContain('revoke them');
    expect(mail.html).toContain('<li><strong>deploy</strong></li><li><strong>backup</strong></li>');
  });

  it('escapes names in the HTML body, keeps the subject fixed, and counts what it does not list', () => {
    const mail = tokensImportedMail({
      to: 'ada@example.test',
      name: '<b>Ada</b>',
      tokenNames: ['<script>x</script>', ...Array.from({ length: 24 }, (_, i) => `key ${i}`)],
      scopes: ['tokens:read'],
      importedAt: AT,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('&lt;b&gt;Ada&lt;/b&gt;');
    expect(mail.text).toContain('- and 5 more');
    expect(mail.html).toContain('<li>and 5 more</li>');
    expect(mail.subject).toBe(TOKENS_IMPORTED_SUBJECT);
  });
});
