import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { queryOnce } from '../../src/database/pg-query.js';

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Embedded PostgreSQL (the default without DATABASE_URL)', () => {
  // mkdtemp makes a 0700 folder owned by the current user: as root, that is the hard case.
  const root = mkdtempSync(join(tmpdir(), 'tessera-embedded-'));
  const dataDir = join(root, 'data');
  const logger = pino({ level: 'silent' });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a cluster under DATA_DIR, and keeps its data across a restart', async () => {
    const first = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(await runMigrations(first.url)).toEqual(
        MIGRATIONS.map((migration) => new migration().name),
      );
      await queryOnce(
        first.url,
        `INSERT INTO users (email, password_hash) VALUES ('kept@example.test', 'x')`,
      );
    } finally {
      await first.stop();
    }
    expect(statSync(join(dataDir, 'postgres', 'PG_VERSION')).isFile()).toBe(true);
    expect(statSync(join(dataDir, 'postgres.json')).mode & 0o777).toBe(0o600);

    const second = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(await runMigrations(second.url)).toEqual([]);
      expect(await queryOnce(second.url, `SELECT email FROM users`)).toEqual([
        { email: 'kept@example.test' },
      ]);
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('listens on loopback only, as an unprivileged role, without the service secrets, and stops fully', async () => {
    const previous = process.env.APP_SECRET;
    process.env.APP_SECRET = 'canary-secret-that-must-not-leak-0123456789';
    let pid: number | undefined;
    const server = await startEmbeddedPostgres(dataDir, logger);
    try {
      const url = new URL(server.url);
      expect(url.hostname).toBe('127.0.0.1');
      const [settings] = await queryOnce(
        server.url,
        `SELECT current_setting('listen_addresses') AS listen, rolsuper AS superuser
         FROM pg_roles WHERE rolname = current_user`,
      );
      expect(settings).toEqual({ listen: '127.0.0.1', superuser: false });
      pid = Number(
        readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      expect(isAlive(pid)).toBe(true);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain('canary-secret');
      url.password = 'wrong';
      await expect(queryOnce(url.toString(), 'SELECT 1')).rejects.toThrow(/password/);
    } finally {
      await server.stop();
      if (previous === undefined) delete process.env.APP_SECRET;
      else process.env.APP_SECRET = previous;
    }
    if (pid === undefined) throw new Error('the postmaster pid was never read');
    expect(isAlive(pid)).toBe(false);
  }, 60_000);

  it('reports a server that dies while it should be running', async () => {
    let reported = '';
    const died = new Promise<void>((resolve) => {
      void startEmbeddedPostgres(dataDir, logger, (detail) => {
        reported = detail;
        resolve();
      }).then(() => {
        const pid = Number(
          readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
        );
        process.kill(pid, 'SIGKILL');
      });
    });
    await died;
    expect(reported).toMatch(/exited \(code null, signal SIGKILL\)/);
    // The next start recovers the cluster.
    const again = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(await queryOnce(again.url, 'SELECT count(*)::int AS n FROM users')).toEqual([
        { n: 1 },
      ]);
    } finally {
      await again.stop();
    }
  }, 60_000);
});
