import { UUID_PATTERN } from '../../src/common/http/openapi-uuid.js';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

/** Where a client or a fuzzer reading the OpenAPI document would notice a disagreement. */
describe('The OpenAPI document and the behaviour agree', () => {
  let t: AdminApp;
  let document: {
    paths: Record<string, Record<string, any>>;
  };

  beforeAll(async () => {
    t = await startAdminApp();
    document = (await t.api.get('/docs-json')).body;
  });
  afterAll(() => t?.close());

  describe('POST /verify', () => {
    it('documents JSON only, and refuses a form body with 415', async () => {
      const operation = document.paths['/api/v1/verify'].post;
      expect(Object.keys(operation.requestBody.content)).toEqual(['application/json']);
      expect(operation.responses['415']).toBeDefined();

      const verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] }))
        .token;
      const user = await newUser(t.api);
      const form = await t.api.post('/api/v1/verify', {
        token: verifier,
        form: { token: user.accessToken, scopes: 'profile:read' },
      });
      expect(form.status).toBe(415);
      expect(form.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      const json = await t.api.post('/api/v1/verify', {
        token: verifier,
        body: { token: user.accessToken, scopes: ['profile:read'] },
      });
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ valid: true });
    });
  });

  describe('uuid ids', () => {
    const pattern = new RegExp(UUID_PATTERN);
    /** A uuid of the "future" variant (`c` in the fourth group): well-formed, but refused. */
    const otherVariant = '3f2504e0-4f89-41d3-ca00-c04fd430c801';
    const rfcVariant = '3f2504e0-4f89-41d3-9a00-c04fd430c801';

    it('documents with a pattern exactly the ids the routes take', async () => {
      const uuidSchemas: Record<string, unknown>[] = [];
      const collect = (node: unknown) => {
        if (Array.isArray(node)) return node.forEach(collect);
        if (typeof node !== 'object' || node === null) return;
        const record = node as Record<string, unknown>;
        if (record.format === 'uuid') uuidSchemas.push(record);
        Object.values(record).forEach(collect);
      };
      collect(document);
      expect(uuidSchemas.length).toBeGreaterThan(10);
      for (const schema of uuidSchemas) expect(schema.pattern).toBe(UUID_PATTERN);

      expect(pattern.test(otherVariant)).toBe(false);
      expect(pattern.test(rfcVariant)).toBe(true);
      const refused = await t.api.get(`/api/v1/admin/users/${otherVariant}`, {
        token: t.adminToken,
      });
      expect(refused.status).toBe(400);
      const taken = await t.api.get(`/api/v1/admin/users/${rfcVariant}`, { token: t.adminToken });
      expect(taken.status).toBe(404);
    });
  });

  describe('methods a path does not take', () => {
    it('are 405 with Allow naming the methods it does take, and unknown paths stay 404', async () => {
      const cases: [string, string, string][] = [
        ['DELETE', '/api/v1/auth/me', 'GET, HEAD'],
        ['PUT', '/api/v1/tokens/3f2504e0-4f89-41d3-9a00-c04fd430c801', 'DELETE, GET, HEAD, PATCH'],
        ['GET', '/api/v1/auth/login', 'POST'],
      ];
      for (const [method, path, allow] of cases) {
        const res = await t.api.request(method, path, { token: t.adminToken });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 405 });
        expect(res.headers.get('allow')).toBe(allow);
        expect(res.body).toMatchObject({ statusCode: 405, error: 'Method Not Allowed' });
        // Every method the document names for the path is among the allowed ones.
        const documented = Object.keys(document.paths[path.replace(/[0-9a-f-]{36}$/, '{id}')]);
        for (const name of documented) expect(allow).toContain(name.toUpperCase());
      }
      expect((await t.api.get('/api/v1/no-such-thing')).status).toBe(404);
      expect((await t.api.get('/api/v1/tokens/')).status).toBe(404);
    });
  });
});
