import pg from 'pg';

/** The run's migrated database, created by the global set-up. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is set by the global setup');
  return url;
}

/**
 * A connected client for a test's own SQL (to look at rows or set a state up), on the run's
 * database or on `url` (an isolated one). End it in `afterAll`.
 */
export async function sqlClient(url = testDatabaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A small pool on the run's database, for tests that query while requests run. */
export function sqlPool(max = 2, url = testDatabaseUrl()): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}
