import { runMigrations } from '../../src/database/migrate.js';
import { queryOnce } from '../../src/database/pg-query.js';

export interface IsolatedDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A migrated database of its own, on the test server, for tests that act on whole tables (a
 * purge deletes other tests' rows too). Named like the run's database, so that one left behind
 * by a killed run is dropped by a later run's set-up.
 */
export async function isolatedDatabase(): Promise<IsolatedDatabase> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) throw new Error('TEST_DATABASE_URL is set by the global setup');
  const name = `tessera_test_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await queryOnce(shared, `CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: () =>
      queryOnce(shared, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}
