import { TOKEN_LEAKED_SUBJECT, tokenLeakedMail } from './token-leaked.js';

/** HTML with its layout whitespace collapsed. */
const words = (markup: string) => markup.replace(/\s+/g, ' ');

const REVOKED_AT = new Date('2026-03-04T05:06:07.000Z');

describe('tokenLeakedMail', () => {
  it('names the token by name and prefix, says when, and what to do next, in both bodies', () => {
    const mail = tokenLeakedMail({
      to: 'ada@example.test',
      name: 'Ada',
      tokenName: 'deploy bot',
      prefix: 'tsr_AbCd',
      revokedAt: REVOKED_AT,
    });
    expect(mail.to).toBe('ada@example.test');
    expect(mail.subject).toBe(TOKEN_LEAKED_SUBJECT);
    expect(mail.text.startsWith('Hello Ada,\n')).toBe(true);
    expect(mail.text).toContain('"deploy bot" (tsr_AbCd…)');
    expect(mail.text).toContain('revoked at 2026-03-04T05:06:07.000Z');
    expect(mail.text).toMatch(/1\. Create a new token/);
    expect(mail.text).toMatch(/2\. Find where the old token was exposed/);
    const html = words(mail.html);
    expect(html).toContain('<strong>deploy bot</strong> (<code>tsr_AbCd…</code>)');
    expect(html).toContain('revoked at 2026-03-04T05:06:07.000Z');
    expect(html).toContain('<li>Create a new token');
  });

  it('escapes the token name and the owner name in the HTML body, and keeps the subject fixed', () => {
    const mail = tokenLeakedMail({
      to: 'ada@example.test',
      name: '<b>Ada</b>',
      tokenName: '<script>x</script>\nBcc: evil@example.test',
      prefix: 'tsr_AbCd',
      revokedAt: REVOKED_AT,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.subject).toBe(TOKEN_LEAKED_SUBJECT);
  });
});
