import { DataSource, MigrationExecutor } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Any fixed number: instances starting together take turns at migrating. */
const MIGRATION_LOCK = 7_361_002;

/** Where migrations run: straight to PostgreSQL when a direct URL is given, past any pooler. */
export function migrationUrl(config: { databaseUrl?: string; databaseDirectUrl?: string }): string {
  const url = config.databaseDirectUrl ?? config.databaseUrl;
  if (!url) throw new Error('The database URL must be resolved before migrating');
  return url;
}

/**
 * Applies pending migrations; safe when several instances start at once. The lock is a
 * transaction-scoped advisory lock taken in the migrations' own transaction: it holds on a
 * transaction-pooling proxy too (a session-level lock would stay behind on whichever server
 * connection the pooler lent, or be released on another), and it ends with the transaction
 * whatever happens to the process.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1) });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    const applied = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return applied.map((migration) => migration.name);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
