import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { runMigrations } from '../../src/database/migrate.js';
import { AdminUsers1763970000000 } from '../../src/database/migrations/1763970000000-AdminUsers.js';
import {
  databaseBeforeMigration,
  type DatabaseBeforeMigration,
} from '../support/database-before-migration.js';

/**
 * The migration that makes an active token's name unique per user meets databases that hold
 * duplicates already: it must keep every token working, and say which were renamed.
 */
describe('Migration of existing duplicate token names', () => {
  let db: DatabaseBeforeMigration;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await databaseBeforeMigration('tessera_names', AdminUsers1763970000000);
    sql = db.sql;
  });

  afterAll(() => db?.drop());

  it('keeps the oldest active token’s name, renames later ones, and loses no token', async () => {
    const {
      rows: [user],
    } = await sql.query(
      `INSERT INTO users (email, password_hash) VALUES ('dup@example.test', 'x') RETURNING id`,
    );
    const token = async (tokenName: string, createdAgo: string, ended = 'NULL', revoked = 'NULL') =>
      (
        await sql.query(
          `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips,
                                   expires_at, revoked_at, created_at)
           VALUES ($1, $2, 'tsr_xxxx', $3, '{tokens:read}', '{}', ${ended}, ${revoked},
                   now() - interval '${createdAgo}')
           RETURNING id`,
          [user.id, tokenName, randomBytes(32)],
        )
      ).rows[0].id as string;
    const oldest = await token('deploy', '3 days');
    const later = await token('deploy', '2 days');
    const latest = await token('deploy', '1 day');
    const expired = await token('deploy', '4 days', `now() - interval '1 day'`);
    const revoked = await token('deploy', '5 days', 'NULL', `now() - interval '1 day'`);
    const longName = 'n'.repeat(100);
    const long1 = await token(longName, '2 days');
    const long2 = await token(longName, '1 day');

    // It runs first, on the rows as they were; the later migrations follow.
    expect((await runMigrations(db.url))[0]).toBe(new AdminUsers1763970000000().name);

    const { rows } = await sql.query(`SELECT id, name, revoked_at FROM api_tokens`);
    const names = Object.fromEntries(rows.map((row) => [row.id, row.name]));
    expect(rows).toHaveLength(7);
    expect(names[oldest]).toBe('deploy');
    expect(names[later]).toBe(`deploy #${later.slice(0, 8)}`);
    expect(names[latest]).toBe(`deploy #${latest.slice(0, 8)}`);
    expect(names[expired]).toBe('deploy');
    expect(names[revoked]).toBe('deploy');
    expect(names[long1]).toBe(longName);
    expect(names[long2]).toBe(`${'n'.repeat(90)} #${long2.slice(0, 8)}`);
    expect(rows.every((row) => row.revoked_at === null || row.id === revoked)).toBe(true);

    // From now on the index refuses a second active token of one name.
    await expect(token('deploy', '1 minute')).rejects.toThrow(/api_tokens_user_active_name_key/);
  });
});
