import type pg from 'pg';
import { sqlPool } from './database.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface TestAppWithSql extends TestApp {
  /** A small pool on the app's database, for looking at rows and setting states up. */
  db: pg.Pool;
}

/** {@link startTestApp} with a SQL pool on the same database; `close` ends both. */
export async function startTestAppWithSql(
  env: Record<string, string> = {},
): Promise<TestAppWithSql> {
  const t = await startTestApp(env);
  const db = sqlPool();
  return {
    ...t,
    db,
    close: async () => {
      await db.end();
      await t.close();
    },
  };
}
