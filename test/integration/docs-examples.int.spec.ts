import { readFileSync, readdirSync } from 'node:fs';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { signatureHeader } from '../../src/webhooks/webhook-signature.js';
import { EXAMPLE_POLICY } from '../support/forward-auth-policy.js';
import { codeBlocks, links, readMarkdown } from '../support/markdown.js';

/**
 * The examples of docs/ that are copies of files the tests run (the example module and its
 * policy, the forward-auth policy, the webhook receiver's check) stay identical to them; the
 * proxy configurations in deploy/ are linked, never copied; every variable is documented.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const page = (name: string) => readMarkdown(join(ROOT, 'docs', name));
const blocks = (name: string, lang: string) =>
  codeBlocks(page(name)).filter((block) => block.lang === lang);

describe('The examples in docs/', () => {
  it('document every variable of .env.example in docs/configuration.md', () => {
    const variables = [...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
      (match) => match[1],
    );
    expect(variables.length).toBeGreaterThan(40);
    const configuration = page('configuration.md');
    expect(variables.filter((name) => !configuration.includes(`\`${name}\``))).toEqual([]);
  });

  it('show the example policy file, and the example module, as the tests run them', () => {
    const [scopesOnly, withRoutes] = blocks('guard-your-api.md', 'json');
    expect(JSON.parse(scopesOnly.text)).toEqual(JSON.parse(read('examples/projects/policy.json')));
    expect(JSON.parse(withRoutes.text)).toEqual(EXAMPLE_POLICY);

    const module = read('examples/projects/projects.module.ts');
    const [controller] = blocks('guard-your-api.md', 'ts');
    const lines = controller.text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => !module.includes(line))).toEqual([]);
  });

  it('show the client and each middleware as the example apps the client tests run', () => {
    const shown = blocks('from-your-own-service.md', 'ts').map((block) => block.text.trimEnd());
    const examples = ['client.ts', 'express-app.ts', 'fastify-app.ts', 'nest-app.ts'].map((file) =>
      read(`packages/client/examples/${file}`).trimEnd(),
    );
    expect(shown).toEqual(examples);
  });

  it('show a webhook signature check that accepts what Tessera signs and nothing else', () => {
    const [receiver] = blocks('webhooks.md', 'js').filter((block) =>
      block.text.includes('function verifyTessera'),
    );
    const source = receiver.text.replace(/^import .*$/m, '');
    type Verify = (rawBody: string, header: string, secret: string) => boolean;
    // The page's code as a receiver would paste it, with node:crypto's two functions at hand.
    const verifyTessera = runInNewContext(`${source}\nverifyTessera;`, {
      createHmac,
      timingSafeEqual,
      Buffer,
    }) as Verify;

    const secret = 'a-webhook-secret-of-at-least-32-characters';
    const body = '{"id":"5f0c7a52","type":"token.revoked","data":{}}';
    const now = Math.floor(Date.now() / 1000);
    expect(verifyTessera(body, signatureHeader(secret, body, now), secret)).toBe(true);
    expect(verifyTessera(`${body} `, signatureHeader(secret, body, now), secret)).toBe(false);
    expect(verifyTessera(body, signatureHeader('another-secret', body, now), secret)).toBe(false);
    expect(verifyTessera(body, signatureHeader(secret, body, now - 3600), secret)).toBe(false);
    expect(verifyTessera(body, 't=oops,v1=00', secret)).toBe(false);
  });

  it('link the nginx, Traefik and Caddy files of deploy/ instead of copying them', () => {
    const guard = links(page('guard-your-api.md')).map(({ target }) => target);
    expect(guard).toEqual(
      expect.arrayContaining([
        '../deploy/nginx/tessera-forward-auth.conf',
        '../deploy/traefik/tessera-forward-auth.yml',
        '../deploy/caddy/Caddyfile',
      ]),
    );
    const scaling = links(page('scaling.md')).map(({ target }) => target);
    expect(scaling).toContain('../deploy/nginx/tessera-upstream.conf');

    const deployLines = ['nginx', 'traefik', 'caddy']
      .flatMap((dir) =>
        readdirSync(join(ROOT, 'deploy', dir)).map((file) => `deploy/${dir}/${file}`),
      )
      .flatMap((file) => read(file).split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.length >= 24 && !line.startsWith('#'));
    const docs = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const copied = docs.flatMap((file) =>
      codeBlocks(read(file)).flatMap((block) =>
        deployLines
          .filter((line) => block.text.includes(line))
          .map((line) => `${file}:${block.line}: ${line}`),
      ),
    );
    expect(copied).toEqual([]);
  });
});
