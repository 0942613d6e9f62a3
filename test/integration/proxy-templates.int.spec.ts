import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The upstream rules (docs/upstream-rules.md) in the shipped proxy templates. The nginx one runs
 * for real in test/nginx/upstream-rules.nginx.spec.ts; Traefik and Caddy are checked for the
 * lines that carry each rule.
 */
const read = (path: string) =>
  readFileSync(new URL(`../../deploy/${path}`, import.meta.url), 'utf8');
/** The template's lines without comments, each trimmed. */
const directives = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');

const OVERRIDE_HEADERS = ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'];

describe('proxy templates', () => {
  describe('nginx', () => {
    const lines = directives(read('nginx/tessera-forward-auth.conf'));
    const upstream = lines.slice(
      lines.indexOf('location / {'),
      lines.indexOf('proxy_pass http://protected_api;'),
    );

    it('strips method overrides and the client credential from what reaches the API', () => {
      for (const header of [...OVERRIDE_HEADERS, 'Authorization']) {
        expect(upstream).toContain(`proxy_set_header ${header} "";`);
      }
      expect(upstream.join('\n')).toMatch(
        /if \(\$args ~\* "\(\^\|&\)\(_\|%5f\)method"\) \{\n\s*return 400/,
      );
    });

    it('overwrites the pair it asks with and drops the other', () => {
      expect(lines).toEqual(
        expect.arrayContaining([
          'proxy_set_header X-Forwarded-Method $request_method;',
          'proxy_set_header X-Forwarded-Uri $request_uri;',
          'proxy_set_header X-Original-Method "";',
          'proxy_set_header X-Original-URI "";',
        ]),
      );
    });
  });

  describe('Traefik', () => {
    const config = parseYaml(read('traefik/tessera-forward-auth.yml')) as {
      http: {
        middlewares: Record<string, Record<string, Record<string, unknown>>>;
        routers: { api: { middlewares: string[] } };
      };
    };
    const { middlewares, routers } = config.http;
    const removed = (name: string) =>
      Object.entries(middlewares[name].headers.customRequestHeaders as Record<string, string>)
        .filter(([, value]) => value === '')
        .map(([header]) => header);

    it('drops method overrides and the other header pair before asking, the credential after', () => {
      expect(routers.api.middlewares).toEqual([
        'tessera-clean-request',
        'tessera',
        'tessera-drop-credential',
      ]);
      expect(removed('tessera-clean-request')).toEqual(
        expect.arrayContaining(['X-Original-Method', 'X-Original-URI', ...OVERRIDE_HEADERS]),
      );
      expect(removed('tessera-drop-credential')).toEqual(['Authorization']);
    });

    it('describes the request itself, never from the client’s X-Forwarded-*', () => {
      expect(middlewares.tessera.forwardAuth).toMatchObject({
        trustForwardHeader: false,
        authResponseHeadersRegex: '^X-Tessera-',
      });
    });
  });

  describe('Caddy', () => {
    const lines = directives(read('caddy/Caddyfile'));
    const at = (line: string) => {
      const index = lines.indexOf(line);
      expect({ line, found: index >= 0 }).toEqual({ line, found: true });
      return index;
    };

    it('strips method overrides before proxying, and the credential after asking', () => {
      const asking = at('forward_auth tessera:3000 {');
      const proxying = at('reverse_proxy api:8080');
      for (const header of OVERRIDE_HEADERS) {
        expect(at(`request_header -${header}`)).toBeLessThan(proxying);
      }
      expect(at('uri query -_method')).toBeLessThan(proxying);
      const credential = at('request_header -Authorization');
      expect(credential).toBeGreaterThan(asking);
      expect(credential).toBeLessThan(proxying);
    });

    it('drops the client’s copies of the other header pair from the question', () => {
      const asking = at('forward_auth tessera:3000 {');
      expect(at('header_up -X-Original-Method')).toBeGreaterThan(asking);
      expect(at('header_up -X-Original-URI')).toBeGreaterThan(asking);
    });
  });
});
