import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { PASSWORD, login, newUser, uniqueEmail, type Api } from '../support/test-app.js';

describe('POST /auth/register', () => {
  let t: TestAppWithSql;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestAppWithSql();
    ({ api, db } = t);
  });
  afterAll(() => t.close());

  it('creates a user and answers with its public view only', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await api.post('/api/v1/auth/register', {
      body: { email, password: PASSWORD, name: 'Ada' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role']);
    expect(res.body).toMatchObject({ email: email.toLowerCase(), name: 'Ada', role: 'user' });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    const [row] = (await db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.id]))
      .rows;
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses an email already taken, whatever its case, with 409', async () => {
    const email = uniqueEmail();
    expect(
      (await api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } })).status,
    ).toBe(201);
    const again = await api.post('/api/v1/auth/register', {
      body: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('lets exactly one of several concurrent registrations of one email win', async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
      email,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password: PASSWORD }],
    ['a password of 7 characters', { email: 'x@example.test', password: '1234567' }],
    ['a password of 129 characters', { email: 'x@example.test', password: 'p'.repeat(129) }],
    ['a name that is not a string', { email: 'x@example.test', password: PASSWORD, name: 5 }],
    ['an unknown field', { email: 'x@example.test', password: PASSWORD, role: 'admin' }],
  ])('refuses %s with 400 and creates nothing', async (_, body) => {
    const res = await api.post('/api/v1/auth/register', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const { rows } = await db.query(`SELECT 1 FROM users WHERE email = 'x@example.test'`);
    expect(rows).toHaveLength(0);
  });

  it('accepts passwords of exactly 8 and 128 characters', async () => {
    for (const password of ['12345678', 'p'.repeat(128)]) {
      const res = await api.post('/api/v1/auth/register', {
        body: { email: uniqueEmail(), password },
      });
      expect(res.status).toBe(201);
    }
  });

  it('refuses NUL characters with 400 and stores nothing', async () => {
    // Fields whose format is otherwise free: only the NUL check stands between them and the database.
    const email = uniqueEmail();
    const register = await api.post('/api/v1/auth/register', {
      body: { email, password: PASSWORD, name: 'a\u0000b' },
    });
    expect(register.status).toBe(400);
    expect(register.body.message).toBe('Text must not contain NUL characters');
    expect((await db.query('SELECT 1 FROM users WHERE email = $1', [email])).rows).toEqual([]);

    const user = await newUser(api);
    const loginWithNul = await login(api, user.email, `${PASSWORD}\u0000`);
    expect(loginWithNul.status).toBe(400);
    const grant = await api.post('/api/v1/auth/token', {
      form: { grant_type: 'password', username: user.email, password: `${PASSWORD}\u0000` },
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('invalid_request');
  });
});
