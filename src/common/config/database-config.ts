import { resolve } from 'node:path';
import type { EnvReader } from './env-reader.js';

/** Where the data lives: PostgreSQL's URLs, or the embedded one under the data folder. */
export interface DatabaseConfig {
  /** Unset: an embedded PostgreSQL is started under {@link dataDir}. */
  readonly databaseUrl?: string;
  /**
   * `transaction`: {@link databaseUrl} goes through a transaction-pooling proxy (PgBouncer and
   * the like), so no server session outlives a transaction. The service keeps no session state
   * either way; this says which URL migrations take when {@link databaseDirectUrl} is unset.
   */
  readonly databasePoolMode: 'session' | 'transaction';
  /** Straight to PostgreSQL, past any pooler: migrations use it when set. */
  readonly databaseDirectUrl?: string;
  readonly dataDir: string;
}

export function readDatabaseConfig(read: EnvReader, problems: string[]): DatabaseConfig {
  const dataDir = resolve(read.string('DATA_DIR', './.data'));
  const databaseUrl = read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databasePoolMode = read.oneOf(
    'DATABASE_POOL_MODE',
    ['session', 'transaction'] as const,
    'session',
  );
  const databaseDirectUrl = read.optionalUrl('DATABASE_DIRECT_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl && read.string('DATABASE_URL', '') === '') {
    if (databasePoolMode === 'transaction') {
      problems.push("DATABASE_POOL_MODE=transaction needs DATABASE_URL (the pooler's address)");
    }
    if (databaseDirectUrl) problems.push('DATABASE_DIRECT_URL goes with DATABASE_URL: set both');
  }
  return { databaseUrl, databasePoolMode, databaseDirectUrl, dataDir };
}
