import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ENTITIES } from '../../src/entities.js';
import { runMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { sqlClient } from '../support/database.js';

describe('Database schema', () => {
  const url = process.env.TEST_DATABASE_URL!;

  it('is exactly what the entities describe: generating a migration would produce nothing', async () => {
    const dataSource = new DataSource(dataSourceOptions(url, 1, ENTITIES));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('migrates a new database once when several instances start at once, and then never again', async () => {
    const name = `tessera_migrate_${Date.now()}`;
    const fresh = new URL(url);
    fresh.pathname = `/${name}`;
    const admin = await sqlClient(url);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const applied = await Promise.all([1, 2, 3].map(() => runMigrations(fresh.toString())));
      expect(applied.flat()).toEqual(MIGRATIONS.map((migration) => new migration().name));
      expect(await runMigrations(fresh.toString())).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('has an index for every lookup the hot paths make', async () => {
    const dataSource = new DataSource(dataSourceOptions(url, 1, ENTITIES));
    await dataSource.initialize();
    try {
      const rows: { indexname: string }[] = await dataSource.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`,
      );
      expect(rows.map((row) => row.indexname)).toEqual(
        expect.arrayContaining([
          'users_email_key',
          'sessions_pkey',
          'sessions_user_active_idx',
          'refresh_tokens_token_hash_key',
          'refresh_tokens_session_idx',
          'password_reset_tokens_token_hash_key',
          'webhook_outbox_due_idx',
          'webhook_outbox_dedupe_key_key',
        ]),
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
