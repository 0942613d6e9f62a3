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
  const name = `tessera_test_${Date.now()}_${process.pid}`;
  await queryOnce(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  state.serverUrl = serverUrl;
  state.database = name;
  process.env.TEST_DATABASE_URL = url.toString();
  await runMigrations(url.toString());
  (globalThis as { __tesseraTestDb?: TestDatabaseState }).__tesseraTestDb = state;
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
