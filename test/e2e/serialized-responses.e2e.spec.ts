/**
 * Hot routes answer through a serializer compiled from a hand-written shape (SerializedAs),
 * which leaves out any property the shape lacks. These tests hold each shape to the route's
 * OpenAPI schema, and the answers to what the DTO promises.
 */
import { CREDENTIAL_SHAPE, USER_SHAPE } from '../../src/auth/dto/auth.dto.js';
import { TOKEN_SHAPE } from '../../src/tokens/dto/token-view.dto.js';
import { VERIFICATION_SHAPE } from '../../src/verify/verify.dto.js';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

interface Schema {
  $ref?: string;
}

describe('routes answered through a compiled serializer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['/api/v1/auth/whoami', 'CredentialDto', CREDENTIAL_SHAPE],
    ['/api/v1/auth/me', 'UserDto', USER_SHAPE],
    ['/api/v1/tokens/current', 'TokenDto', TOKEN_SHAPE],
    ['/api/v1/verify', 'VerificationDto', VERIFICATION_SHAPE],
  ])('%s lists every property of %s in its OpenAPI schema', async (path, dto, shape) => {
    const document = (await t.api.get('/docs-json')).body;
    const operations = document.paths[path] as Record<
      'get' | 'post',
      { responses: Record<string, { content: Record<string, { schema: Schema }> }> } | undefined
    >;
    const operation = (operations.get ?? operations.post)!;
    const documented = operation.responses['200'].content['application/json'].schema;
    expect(documented.$ref).toBe(`#/components/schemas/${dto}`);
    const properties = Object.keys(document.components.schemas[dto].properties).sort();
    expect(Object.keys(shape.properties).sort()).toEqual(properties);
  });

  it("/api/v1/verify's shape lists every property of its nested RateLimitDto", async () => {
    const document = (await t.api.get('/docs-json')).body;
    const nested = VERIFICATION_SHAPE.properties.rateLimit as { properties: object };
    expect(Object.keys(nested.properties).sort()).toEqual(
      Object.keys(document.components.schemas.RateLimitDto.properties).sort(),
    );
  });

  it('answers every property of a token, nulls included, and of a credential', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const current = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(current.status).toBe(200);
    const { token: _secret, ...view } = token as unknown as Record<string, unknown>;
    expect(current.body).toEqual({
      ...view,
      lastUsedAt: expect.any(String),
      lastUsedIp: expect.any(String),
    });
    expect(current.body.description).toBeNull();
    expect(current.body.expiresAt).toBeNull();

    const whoami = await t.api.get('/api/v1/auth/whoami', { token: token.token });
    expect(whoami.body).toEqual({
      kind: 'api_token',
      userId: user.id,
      role: 'user',
      scopes: ['profile:read'],
      tokenId: token.id,
    });
    const bySession = await t.api.get('/api/v1/auth/whoami', { token: user.accessToken });
    expect(bySession.body).toMatchObject({ kind: 'session', sessionId: user.sessionId });
    expect(bySession.body.tokenId).toBeUndefined();

    const me = await t.api.get('/api/v1/auth/me', { token: token.token });
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      name: null,
      role: 'user',
      createdAt: expect.any(String),
    });
  });
});
