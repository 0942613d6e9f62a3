import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  TesseraAuthError,
  TesseraClient,
  TesseraError,
  TesseraNetworkError,
  TesseraRateLimitError,
  TesseraServerError,
  type Verification,
} from '@tessera/client';
import {
  CLIENT_TYPES_FILE,
  clientTypesOf,
  generateClientTypes,
} from '../../scripts/client-types.js';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { mayReadProjects } from '../../packages/client/examples/client.js';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

/** `TesseraClient` against a real Tessera, and against stand-ins for what goes wrong. */
describe('TesseraClient', () => {
  let t: AdminApp;
  let verifier: string;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    // The scopes of the docs' examples (projects:read).
    policy = writePolicyFile();
    t = await startAdminApp(policy.env);
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  afterAll(async () => {
    await t?.close();
    policy?.remove();
  });

  it("returns /verify's answer for a valid and a refused credential", async () => {
    const client = new TesseraClient({ baseUrl: `${t.baseUrl}/`, token: verifier });
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const answer: Verification = await client.verify(token.token, {
      scopes: ['tokens:read'],
      clientIp: '198.51.100.9',
    });
    expect(answer).toEqual({
      valid: true,
      code: 'VALID',
      credential: 'api_token',
      userId: user.id,
      orgs: [],
      role: 'user',
      tokenId: token.id,
      scopes: ['tokens:read'],
      rateLimit: { limit: 600, remaining: 599, reset: expect.any(Number) },
    });
    expect(await client.verify(token.token, { scopes: ['tokens:write'] })).toMatchObject({
      valid: false,
      code: 'INSUFFICIENT_SCOPE',
    });
    expect(await client.verify('tsr_nonsense')).toEqual({ valid: false, code: 'NOT_FOUND' });
  });

  it('answers the example of the docs: may this credential read projects?', async () => {
    const client = new TesseraClient({ baseUrl: t.baseUrl, token: verifier });
    const user = await newUser(t.api);
    expect(await mayReadProjects(client, user.accessToken, '127.0.0.1')).toBe(true);
    expect(await mayReadProjects(client, 'tsr_nonsense', '127.0.0.1')).toBe(false);
    const down = new TesseraClient({ baseUrl: 'http://127.0.0.1:1', token: verifier });
    expect(await mayReadProjects(down, user.accessToken, '127.0.0.1')).toBe(false);
  });

  it("throws TesseraAuthError when Tessera refuses the service's own token", async () => {
    const unknown = new TesseraClient({ baseUrl: t.baseUrl, token: 'tsr_notatokenatall' });
    const refused = await unknown.verify('x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TesseraAuthError);
    expect(refused).toBeInstanceOf(TesseraError);
    expect((refused as TesseraAuthError).status).toBe(401);

    const user = await newUser(t.api);
    const reader = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const unentitled = new TesseraClient({ baseUrl: t.baseUrl, token: reader.token });
    const forbidden = await unentitled.verify('x').catch((error: unknown) => error);
    expect(forbidden).toBeInstanceOf(TesseraAuthError);
    expect((forbidden as TesseraAuthError).status).toBe(403);
  });

  describe('when something goes wrong', () => {
    let server: Server;
    let requests = 0;
    let handler: (req: IncomingMessage, res: ServerResponse) => void;
    let baseUrl: string;

    beforeAll(async () => {
      server = createServer((req, res) => {
        requests++;
        handler(req, res);
      });
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    beforeEach(() => {
      requests = 0;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const answering = (status: number, headers: Record<string, string> = {}) => {
      handler = (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify({ statusCode: status, error: 'x', message: 'said so' }));
      };
    };
    const failure = (client: TesseraClient) =>
      client.verify('tsr_anything').catch((error: unknown) => error);

    it('throws TesseraServerError on a 5xx, and sends the use only once', async () => {
      answering(503, { 'retry-after': '5' });
      const error = await failure(new TesseraClient({ baseUrl, token: 't' }));
      expect(error).toBeInstanceOf(TesseraServerError);
      expect(error).toMatchObject({ status: 503, retryAfter: 5 });
      expect(requests).toBe(1);
    });

    it('throws TesseraRateLimitError with retryAfter on a 429', async () => {
      answering(429, { 'retry-after': '7' });
      const error = await failure(new TesseraClient({ baseUrl, token: 't' }));
      expect(error).toBeInstanceOf(TesseraRateLimitError);
      expect(error).toMatchObject({ status: 429, retryAfter: 7 });
      expect(requests).toBe(1);
    });

    it('gives up after timeoutMs with TesseraNetworkError, and never sends the use again', async () => {
      handler = () => {
        // Never answers: the use may have been counted, so it must not be sent twice.
      };
      const error = await failure(new TesseraClient({ baseUrl, token: 't', timeoutMs: 200 }));
      expect(error).toBeInstanceOf(TesseraNetworkError);
      expect((error as TesseraNetworkError).timedOut).toBe(true);
      await sleep(400);
      expect(requests).toBe(1);
    });

    it('sends again when the connection was refused (the use never arrived)', async () => {
      const closed = createServer();
      closed.listen(0, '127.0.0.1');
      await new Promise((resolve) => closed.once('listening', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const refused = new TesseraClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' });
      const error = await failure(refused);
      expect(error).toBeInstanceOf(TesseraNetworkError);
      expect((error as TesseraNetworkError).timedOut).toBe(false);
      expect((error as Error).message).toContain('ECONNREFUSED');

      // Refused at first, then up before the first resend (50 ms later).
      const late = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ valid: false, code: 'NOT_FOUND' }));
      });
      const asked = refused.verify('tsr_anything');
      late.listen(port, '127.0.0.1');
      try {
        expect(await asked).toEqual({ valid: false, code: 'NOT_FOUND' });
      } finally {
        late.closeAllConnections();
        await new Promise((resolve) => late.close(resolve));
      }
    });
  });

  it('has types that are the committed file: regenerate with npm run client:types', async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(await generateClientTypes());
    // And from the document the running service serves.
    const served = await t.api.get('/docs-json');
    expect(await clientTypesOf(served.body)).toBe(readFileSync(CLIENT_TYPES_FILE, 'utf8'));
  }, 60_000);
});
