import type pg from 'pg';
import { randomBytes } from 'node:crypto';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { sha256 } from '../../src/common/crypto/crypto.js';
import { awayFromStepEdge, enableTotp, mfaToken, totpCode } from '../support/mfa.js';
import {
  PASSWORD,
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

/**
 * The purge over HTTP, on a database of its own: what is due goes, what is active or still
 * inside its retention stays, however the two are mixed, and a large purge goes in batches
 * while tokens keep being verified.
 */
describe('Purge', () => {
  let db: IsolatedDatabase;
  let t: AdminApp;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await isolatedDatabase();
    t = await startAdminApp({
      DATABASE_URL: db.url,
      TOKEN_RETENTION_DAYS: '7',
      SESSION_RETENTION_DAYS: '7',
      PURGE_BATCH_SIZE: '3',
      PURGE_BATCH_PAUSE_MS: '0',
      TOKEN_CACHE_TTL_SECONDS: '0',
      SESSION_CACHE_TTL_SECONDS: '0',
      // The large purge below is watched by a probe token verified as fast as the machine
      // allows for as long as the purge takes; the default 600 a minute would refuse it (429)
      // on a fast machine, and this suite is about the purge, not the token's rate limit.
      TOKEN_RATE_PER_MINUTE: '1000000000',
      TOKEN_RATE_PER_HOUR: '1000000000',
    });
    sql = await sqlClient(db.url);
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
    await db?.drop();
  });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number(
      (await sql.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n,
    );

  /** A token row ended (or not) at the given times, as SQL expressions relative to now(). */
  async function tokenRow(userId: string, expires: string, revoked: string): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips,
                               expires_at, revoked_at, revoke_reason, created_at)
       VALUES ($1, 'aged ' || gen_random_uuid(), 'tsr_xxxx', $2, '{tokens:read}', '{}', ${expires}, ${revoked},
               CASE WHEN ${revoked} IS NULL THEN NULL ELSE 'revoked' END, now() - interval '60 days')
       RETURNING id`,
      [userId, randomBytes(32)],
    );
    return rows[0].id;
  }

  async function sessionRow(userId: string, ends: { idle: string; max: string; revoked: string }) {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO sessions (user_id, created_at, last_used_at, idle_expires_at, expires_at, revoked_at)
       VALUES ($1, now() - interval '60 days', now() - interval '60 days', ${ends.idle}, ${ends.max}, ${ends.revoked})
       RETURNING id`,
      [userId],
    );
    await sql.query(`INSERT INTO refresh_tokens (session_id, token_hash) VALUES ($1, $2)`, [
      rows[0].id,
      randomBytes(32),
    ]);
    return rows[0].id;
  }

  it('deletes exactly what is past retention, in batches, and nothing active; a dry run deletes nothing', async () => {
    const user = await newUser(t.api);
    // Live tokens made through the API: they must keep working after the purge.
    const live = await createToken(t.api, user.accessToken, { expiresInDays: 30 });
    const forever = await createToken(t.api, user.accessToken);
    const rotated = await t.api.post(`/api/v1/tokens/${forever.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 3600 },
    });
    expect(rotated.status).toBe(201);

    const past = (d: string) => `now() - interval '${d}'`;
    const future = (d: string) => `now() + interval '${d}'`;
    const due = [
      await tokenRow(user.id, past('8 days'), 'NULL'), // expired long ago
      await tokenRow(user.id, 'NULL', past('7 days 1 hour')), // revoked just past retention
      await tokenRow(user.id, past('30 days'), past('10 days')), // both
      await tokenRow(user.id, past('8 days'), future('1 day')), // expired, whatever a grace says
      await tokenRow(user.id, past('9 days'), past('1 day')), // ended at its expiry
    ];
    const kept = [
      await tokenRow(user.id, past('6 days 23 hours'), 'NULL'), // within retention
      await tokenRow(user.id, 'NULL', past('1 hour')), // revoked lately
      await tokenRow(user.id, future('1 day'), future('1 hour')), // in a rotation's grace
      await tokenRow(user.id, 'NULL', 'NULL'), // never ends
      await tokenRow(user.id, future('400 days'), 'NULL'),
    ];

    const dueSessions = [
      await sessionRow(user.id, { idle: past('8 days'), max: future('20 days'), revoked: 'NULL' }),
      await sessionRow(user.id, { idle: future('1 day'), max: past('8 days'), revoked: 'NULL' }),
      await sessionRow(user.id, {
        idle: future('1 day'),
        max: future('9 days'),
        revoked: past('7 days 1 hour'),
      }),
    ];
    const keptSessions = [
      await sessionRow(user.id, { idle: past('6 days'), max: future('20 days'), revoked: 'NULL' }),
      await sessionRow(user.id, {
        idle: future('1 day'),
        max: future('9 days'),
        revoked: past('6 days 23 hours'),
      }),
      await sessionRow(user.id, {
        idle: future('7 days'),
        max: future('30 days'),
        revoked: 'NULL',
      }),
    ];
    await sql.query(
      `INSERT INTO idempotency_keys (user_id, key_hash, request_hash, claim_id, created_at)
       SELECT $1, decode(md5(g::text), 'hex'), '\\x00', gen_random_uuid(),
              CASE WHEN g <= 4 THEN now() - interval '25 hours' ELSE now() - interval '23 hours' END
       FROM generate_series(1, 7) g`,
      [user.id],
    );
    await sql.query(
      `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() - interval '2 days'), ($1, $3, now() + interval '20 minutes')`,
      [user.id, randomBytes(32), randomBytes(32)],
    );

    const tokensBefore = await count('api_tokens');
    const refreshBefore = await count('refresh_tokens');
    const dry = await t.api.post('/api/v1/admin/purge', {
      token: t.adminToken,
      body: { dryRun: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      tokens: due.length,
      sessions: dueSessions.length,
      idempotencyKeys: 4,
      passwordResetTokens: 1,
      dryRun: true,
    });
    expect(await count('api_tokens')).toBe(tokensBefore);
    expect(await count('job_runs')).toBe(0);

    const purged = await t.api.post('/api/v1/admin/purge', { token: t.adminToken, body: {} });
    expect(purged.status).toBe(200);
    expect(purged.body).toMatchObject({
      tokens: due.length,
      sessions: dueSessions.length,
      idempotencyKeys: 4,
      passwordResetTokens: 1,
      dryRun: false,
    });
    expect(await count('api_tokens', 'id = ANY($1)', [due])).toBe(0);
    expect(await count('api_tokens', 'id = ANY($1)', [kept])).toBe(kept.length);
    expect(await count('api_tokens')).toBe(tokensBefore - due.length);
    expect(await count('sessions', 'id = ANY($1)', [dueSessions])).toBe(0);
    expect(await count('sessions', 'id = ANY($1)', [keptSessions])).toBe(keptSessions.length);
    // Their refresh tokens went with them.
    expect(await count('refresh_tokens')).toBe(refreshBefore - dueSessions.length);
    expect(await count('idempotency_keys')).toBe(3);
    expect(await count('password_reset_tokens')).toBe(1);

    // Everything live still works: both tokens, the one in its grace period, the session.
    for (const token of [live.token, forever.token, rotated.body.token]) {
      expect((await t.api.get('/api/v1/auth/whoami', { token })).status).toBe(200);
    }
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);

    // Recorded, one run per job, and audited as the admin's.
    const runs = await sql.query(`SELECT job, trigger, outcome, counts FROM job_runs ORDER BY job`);
    expect(runs.rows).toEqual([
      {
        job: 'purge-records',
        trigger: 'admin',
        outcome: 'ok',
        counts: {
          idempotencyKeys: 4,
          webhookEvents: 0,
          auditEvents: 0,
          tokenUsage: 0,
          mfaChallenges: 0,
          webauthnChallenges: 0,
        },
      },
      {
        job: 'purge-sessions',
        trigger: 'admin',
        outcome: 'ok',
        counts: { sessions: 3, passwordResetTokens: 1 },
      },
      { job: 'purge-tokens', trigger: 'admin', outcome: 'ok', counts: { tokens: 5 } },
    ]);
    const audit = await t.api.get('/api/v1/admin/audit?action=job.run', { token: t.adminToken });
    expect(audit.body.items).toHaveLength(3);
    expect(audit.body.items[0].actor.userId).toBe(t.adminId);

    // Nothing left to do: a second purge deletes nothing.
    const again = await t.api.post('/api/v1/admin/purge', { token: t.adminToken, body: {} });
    expect(again.body).toMatchObject({ tokens: 0, sessions: 0, idempotencyKeys: 0 });
  });

  it("deletes API tokens' hourly usage counts older than USAGE_RETENTION_DAYS (90), and no younger one", async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    const hour = async (age: string) =>
      sql.query(
        `INSERT INTO token_usage (token_id, hour, outcome, count)
         VALUES ($1, date_trunc('hour', now() - interval '${age}'), 'VALID', 5)`,
        [token.id],
      );
    for (const age of ['91 days', '120 days', '2 years', '89 days', '1 hour']) await hour(age);
    await sql.query(
      `INSERT INTO token_usage (token_id, hour, outcome, count)
       VALUES ($1, date_trunc('hour', now() - interval '100 days'), 'RATE_LIMITED', 1)`,
      [token.id],
    );
    const run = (dryRun: boolean) =>
      t.api.post('/api/v1/admin/jobs/purge-records/run', {
        token: t.adminToken,
        body: { dryRun },
      });
    const dry = await run(true);
    expect(dry.body.counts.tokenUsage).toBe(4);
    expect(await count('token_usage', 'token_id = $1', [token.id])).toBe(6);
    const fullDry = await t.api.post('/api/v1/admin/purge', {
      token: t.adminToken,
      body: { dryRun: true },
    });
    expect(fullDry.body.tokenUsage).toBe(4);
    const purged = await run(false);
    expect(purged.body.counts.tokenUsage).toBe(4);
    const left = await sql.query(
      `SELECT count FROM token_usage WHERE token_id = $1 ORDER BY hour`,
      [token.id],
    );
    expect(left.rows.map((row) => Number(row.count))).toEqual([5, 5]);
  });

  it('deletes audit events older than AUDIT_RETENTION_DAYS (365) in batches, and no younger one', async () => {
    const event = async (age: string) =>
      (
        await sql.query<{ id: string }>(
          `INSERT INTO audit_events (action, target_type, details, occurred_at)
           VALUES ('job.run', 'job', '{}', now() - interval '${age}') RETURNING id`,
        )
      ).rows[0].id;
    const old = [await event('366 days'), await event('400 days'), await event('3 years')];
    const young = [await event('364 days'), await event('1 day')];
    const run = (dryRun: boolean) =>
      t.api.post('/api/v1/admin/jobs/purge-records/run', {
        token: t.adminToken,
        body: { dryRun },
      });
    const dry = await run(true);
    expect(dry.body.counts.auditEvents).toBe(old.length);
    expect(await count('audit_events', 'id = ANY($1)', [old])).toBe(old.length);
    const purged = await run(false);
    expect(purged.status).toBe(200);
    // Batches of PURGE_BATCH_SIZE=3: more than one statement for what was due.
    expect(purged.body.counts.auditEvents).toBe(old.length);
    expect(await count('audit_events', 'id = ANY($1)', [old])).toBe(0);
    expect(await count('audit_events', 'id = ANY($1)', [young])).toBe(young.length);
  });

  it('deletes expired MFA login and passkey challenges, and leaves live ones working; a dry run counts them', async () => {
    const user = await newUser(t.api);
    const { secret } = await enableTotp(t.api, user.accessToken);
    // Real challenges, as logins hand them out: two second steps and two passkey sign-ins.
    const [endedLogin, liveLogin] = [
      await mfaToken(t.api, user.email, PASSWORD),
      await mfaToken(t.api, user.email, PASSWORD),
    ];
    const ceremony = async () =>
      (await t.api.post('/api/v1/auth/passkey/options')).body.challenge as string;
    const [endedCeremony, liveCeremony] = [await ceremony(), await ceremony()];
    // One of each ends a minute ago; more ended ones than a batch (PURGE_BATCH_SIZE=3) beside.
    await sql.query(
      `UPDATE mfa_challenges SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`,
      [sha256(endedLogin)],
    );
    await sql.query(
      `UPDATE webauthn_challenges SET expires_at = now() - interval '1 minute' WHERE challenge = $1`,
      [endedCeremony],
    );
    await sql.query(
      `INSERT INTO mfa_challenges (user_id, token_hash, password_fingerprint, expires_at, used_at)
       SELECT $1, sha256(('ended ' || g)::bytea), '\\x00', now() - make_interval(days => g),
              CASE WHEN g % 2 = 0 THEN now() - make_interval(days => g) END
       FROM generate_series(1, 4) g`,
      [user.id],
    );
    await sql.query(
      `INSERT INTO webauthn_challenges (challenge, purpose, user_id, expires_at)
       SELECT 'ended-' || g || '-' || gen_random_uuid(), CASE WHEN g % 2 = 0 THEN 'login' ELSE 'mfa' END,
              CASE WHEN g % 2 = 0 THEN NULL ELSE $1::uuid END, now() - make_interval(hours => g)
       FROM generate_series(1, 4) g`,
      [user.id],
    );
    const live = {
      mfa: await count('mfa_challenges', 'expires_at > now()'),
      webauthn: await count('webauthn_challenges', 'expires_at > now()'),
    };
    expect(live.mfa).toBeGreaterThanOrEqual(1);
    expect(live.webauthn).toBeGreaterThanOrEqual(1);
    const ended = {
      mfa: await count('mfa_challenges', 'expires_at <= now()'),
      webauthn: await count('webauthn_challenges', 'expires_at <= now()'),
    };
    expect(ended).toEqual({ mfa: 5, webauthn: 5 });

    const run = (dryRun: boolean) =>
      t.api.post('/api/v1/admin/jobs/purge-records/run', { token: t.adminToken, body: { dryRun } });
    const dry = await run(true);
    expect(dry.body.counts).toMatchObject({ mfaChallenges: 5, webauthnChallenges: 5 });
    const fullDry = await t.api.post('/api/v1/admin/purge', {
      token: t.adminToken,
      body: { dryRun: true },
    });
    expect(fullDry.body).toMatchObject({ mfaChallenges: 5, webauthnChallenges: 5 });
    expect(await count('mfa_challenges', 'expires_at <= now()')).toBe(5);
    expect(await count('webauthn_challenges', 'expires_at <= now()')).toBe(5);

    const purged = await run(false);
    expect(purged.status).toBe(200);
    expect(purged.body.counts).toMatchObject({ mfaChallenges: 5, webauthnChallenges: 5 });
    expect(await count('mfa_challenges', 'expires_at <= now()')).toBe(0);
    expect(await count('webauthn_challenges', 'expires_at <= now()')).toBe(0);
    expect(await count('mfa_challenges', 'expires_at > now()')).toBe(live.mfa);
    expect(await count('webauthn_challenges', 'expires_at > now()')).toBe(live.webauthn);
    expect(await count('webauthn_challenges', 'challenge = $1', [liveCeremony])).toBe(1);

    // The live login completes after the purge as before it.
    await awayFromStepEdge();
    const completed = await t.api.post('/api/v1/auth/mfa/verify', {
      body: { mfaToken: liveLogin, code: totpCode(secret) },
    });
    expect(completed.status).toBe(200);
  });

  it('purges 200,000 due tokens in bounded batches while verifications keep answering', async () => {
    const user = await newUser(t.api);
    const probe = await createToken(t.api, user.accessToken);
    await sql.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at, created_at)
       SELECT $1, 'old ' || g, 'tsr_xxxx', sha256(g::text::bytea), '{tokens:read}', '{}',
              now() - interval '30 days', now() - interval '60 days'
       FROM generate_series(1, 200000) g`,
      [user.id],
    );
    await sql.query('ANALYZE api_tokens');
    // A purge app of its own with realistic batches; the verifying app reads the database on
    // every request (no cache), so a purge holding locks or hogging the table would show.
    const purger = await startAdminApp({ DATABASE_URL: db.url, PURGE_BATCH_SIZE: '5000' });
    try {
      let purging = true;
      let verified = 0;
      const statuses = new Set<number>();
      const verify = (async () => {
        while (purging) {
          statuses.add((await t.api.get('/api/v1/auth/whoami', { token: probe.token })).status);
          verified++;
        }
      })();
      // Seen from another connection, the table shrinks step by step: each batch commits on
      // its own (one big DELETE would show 200,000 rows, then none).
      const seen = new Set<number>();
      const watch = (async () => {
        while (purging) seen.add(await count('api_tokens', 'user_id = $1', [user.id]));
      })();
      const purged = await purger.api.post('/api/v1/admin/purge', {
        token: purger.adminToken,
        body: {},
      });
      purging = false;
      await Promise.all([verify, watch]);

      expect(purged.status).toBe(200);
      expect(purged.body.tokens).toBe(200_000);
      expect(await count('api_tokens', 'user_id = $1', [user.id])).toBe(1);
      expect([...statuses]).toEqual([200]);
      expect(verified).toBeGreaterThan(10);
      const between = [...seen].filter((n) => n > 1 && n < 200_001);
      expect(between.length).toBeGreaterThanOrEqual(3);
      // The run's record matches.
      const run = await sql.query(
        `SELECT counts FROM job_runs WHERE job = 'purge-tokens' ORDER BY started_at DESC LIMIT 1`,
      );
      expect(run.rows[0].counts).toEqual({ tokens: 200_000 });
    } finally {
      await purger.close();
    }
  }, 120_000);
});
