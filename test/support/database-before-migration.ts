import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';

export interface DatabaseBeforeMigration {
  /** The database's URL, for `runMigrations` to apply the migration left out. */
  url: string;
  /** Connected to the database, to put in the rows the migration meets. */
  sql: pg.Client;
  drop(): Promise<void>;
}

/**
 * A database of its own with the migrations before `migration` applied (not it, nor any after
 * it), to test what it does to the rows it finds: the shape of a database upgraded from before.
 */
export async function databaseBeforeMigration(
  prefix: string,
  migration: new () => MigrationInterface,
): Promise<DatabaseBeforeMigration> {
  const all: readonly (new () => MigrationInterface)[] = MIGRATIONS;
  if (!all.includes(migration)) throw new Error(`${migration.name} is not a migration`);
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) throw new Error('TEST_DATABASE_URL is set by the global setup');
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const before = new DataSource({
    ...dataSourceOptions(url.toString(), 1),
    migrations: all.slice(0, all.indexOf(migration)),
  });
  await before.initialize();
  await before.runMigrations({ transaction: 'all' });
  await before.destroy();
  const sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
