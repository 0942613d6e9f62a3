import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The data source of `url`. `entities` is the application's list (`src/entities.ts`); the
 * database layer names no feature. Migrations alone need none: they are SQL.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: false,
    // A connection that cannot be had within 5 s fails the request with 503 instead of hanging.
    extra: { max: poolSize, application_name: 'tessera', connectionTimeoutMillis: 5_000 },
  };
}
