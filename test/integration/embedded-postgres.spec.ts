import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';

describe('Embedded PostgreSQL (the default without DATABASE_URL)', () => {
  // mkdtemp makes a 0700 folder owned by the current user: as root, that is the hard case.
  const root = mkdtempSync(join(tmpdir(), 'tessera-embedded-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function query(url: string, sql: string, params: unknown[] = []) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it('creates a cluster under DATA_DIR, and keeps its data across a restart', async () => {
    const logger = pino({ level: 'silent' });
    const first = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(await runMigrations(first.url)).toEqual(['Init1763856000000']);
      await query(
        first.url,
        `INSERT INTO users (email, password_hash) VALUES ('kept@example.test', 'x')`,
      );
    } finally {
      await first.stop();
    }
    expect(statSync(join(dataDir, 'postgres', 'PG_VERSION')).isFile()).toBe(true);

    const second = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(second.url).not.toBe(first.url); // a fresh port each start
      expect(await runMigrations(second.url)).toEqual([]);
      const rows = await query(second.url, `SELECT email FROM users`);
      expect(rows).toEqual([{ email: 'kept@example.test' }]);
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('listens on loopback only, and asks for the password it generated', async () => {
    const server = await startEmbeddedPostgres(dataDir, pino({ level: 'silent' }));
    try {
      const url = new URL(server.url);
      expect(url.hostname).toBe('127.0.0.1');
      url.password = 'wrong';
      await expect(query(url.toString(), 'SELECT 1')).rejects.toThrow(/password/);
      const [settings] = await query(
        server.url,
        `SELECT current_setting('listen_addresses') AS listen`,
      );
      expect(settings).toEqual({ listen: '127.0.0.1' });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
