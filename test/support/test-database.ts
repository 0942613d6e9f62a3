import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { queryOnce } from '../../src/database/pg-query.js';

/**
 * Loaded by the global set-up in jest's own process, outside jest's module system.
 *
 * One database for the whole run, migrated once: a fresh one on the server named by
 * DATABASE_URL, or, with none set, on an embedded PostgreSQL started for the run.
 */
export async function setUpTestDatabase() {
  const state: TestDatabaseState = {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    state.dataDir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
    const embedded = await startEmbeddedPostgres(state.dataDir, pino({ level: 'warn' }));
    state.stopEmbedded = () => embedded.stop();
    serverUrl = embedded.adminUrl;
  }
  await dropAbandoned(serverUrl);
  const name = `${PREFIX}${Date.now()}_${process.pid}`;
  await queryOnce(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  state.serverUrl = serverUrl;
  state.database = name;
  process.env.TEST_DATABASE_URL = url.toString();
  await runMigrations(url.toString());
  (globalThis as { __tesseraTestDb?: TestDatabaseState }).__tesseraTestDb = state;
}

const PREFIX = 'tessera_test_';
const ABANDONED_AFTER_MS = 6 * 3600_000;

/** Databases of runs that were killed before their teardown, once surely not in use. */
async function dropAbandoned(serverUrl: string) {
  const rows = await queryOnce<{ datname: string }>(
    serverUrl,
    `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const startedAt = Number(datname.slice(PREFIX.length).split('_')[0]);
    if (Date.now() - startedAt > ABANDONED_AFTER_MS) {
      await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  }
}

export interface TestDatabaseState {
  serverUrl?: string;
  database?: string;
  dataDir?: string;
  stopEmbedded?: () => Promise<void>;
}

export async function tearDownTestDatabase() {
  const state = (globalThis as { __tesseraTestDb?: TestDatabaseState }).__tesseraTestDb;
  if (!state) return;
  if (state.serverUrl && state.database && !state.stopEmbedded) {
    await queryOnce(state.serverUrl, `DROP DATABASE IF EXISTS ${state.database} WITH (FORCE)`);
  }
  await state.stopEmbedded?.();
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
