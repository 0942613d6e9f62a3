import { escapeHtml, html } from '../html.js';
import { passwordResetMail } from './password-reset.js';

/** HTML with its layout whitespace collapsed. */
const words = (markup: string) => markup.replace(/\s+/g, ' ');

const LINK = 'https://app.example.test/reset-password#token=tsrp_abc-DEF_123';

describe('passwordResetMail', () => {
  it('carries the link and its lifetime in both bodies', () => {
    const mail = passwordResetMail({ to: 'ada@example.test', name: null, link: LINK, minutes: 30 });
    expect(mail.to).toBe('ada@example.test');
    expect(mail.subject).toBe('Reset your Tessera password');
    expect(mail.text).toContain(`\n${LINK}\n`);
    expect(mail.text).toContain('within 30 minutes');
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.html).toContain(`<a href="${LINK}">`);
    expect(words(mail.html)).toContain('within 30 minutes');
  });

  it('escapes user data in the HTML body, and leaves the text body as written', () => {
    const name = `<script>alert("x")</script> & O'Brien`;
    const to = 'o"brien<b>@example.test';
    const mail = passwordResetMail({ to, name, link: LINK, minutes: 30 });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain(
      '<p>Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien,</p>',
    );
    expect(mail.html).toContain('<strong>o&quot;brien&lt;b&gt;@example.test</strong>');
    expect(mail.text).toContain(`Hello ${name},`);
  });

  it('escapes the link inside its attribute', () => {
    const mail = passwordResetMail({
      to: 'ada@example.test',
      name: null,
      link: 'https://app.example.test/r?a=1&b="x"#token=t',
      minutes: 5,
    });
    expect(mail.html).toContain(
      'href="https://app.example.test/r?a=1&amp;b=&quot;x&quot;#token=t"',
    );
  });
});

describe('html', () => {
  it('escapes every value but nested html', () => {
    const inner = html`<em>${'<i>'}</em>`;
    expect(html`<p>${'a & b'} ${inner} ${42}</p>`.value).toBe(
      '<p>a &amp; b <em>&lt;i&gt;</em> 42</p>',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
