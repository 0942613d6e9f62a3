import { Socket } from 'node:net';
import { Api, PASSWORD, startTestApp, uniqueEmail, type TestApp } from '../support/test-app.js';

describe('Bad input gets a clear 4xx in the error shape, never a 500', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

  it('malformed JSON is 400', async () => {
    const res = await api.post('/api/v1/auth/login', { raw: '{"email": "a@b.c", ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
    });
  });

  it('a body over 64 KiB is 413', async () => {
    const res = await api.post('/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: PASSWORD, name: 'n'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['wrong types', '{"email": 5, "password": true}'],
    ['an unknown field', `{"email": "a@example.test", "password": "${PASSWORD}", "admin": true}`],
  ])('%s as a body is 400', async (_, raw) => {
    const res = await api.post('/api/v1/auth/login', { raw });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('an unknown route is 404 in the same shape', async () => {
    const res = await api.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('Request deadline', () => {
  it('answers 408 and closes a connection whose body trickles in', async () => {
    const t = await startTestApp({ REQUEST_TIMEOUT_SECONDS: '2' });
    try {
      const { port } = new URL(t.baseUrl);
      const socket = new Socket();
      await new Promise<void>((resolve) => socket.connect(Number(port), '127.0.0.1', resolve));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(
        'POST /api/v1/auth/refresh HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
      const started = Date.now();
      const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
      await closed;
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      // Two seconds, checked every second; far from Node's default of five minutes.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await t.close();
    }
  });
});
