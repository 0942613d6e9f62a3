import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  clusterUrls,
  ensureAppDatabase,
  initCluster,
  platformBinaries,
  readOrCreatePasswords,
  readPasswords,
} from './embedded-postgres/cluster.js';
import { lockDataDir } from './embedded-postgres/data-dir-lock.js';
import { grantTraversal, osUser, run, type Owner } from './embedded-postgres/os-user.js';
import {
  freePort,
  runningPostmaster,
  startServer,
  stopOrphan,
  type RunningServer,
} from './embedded-postgres/server.js';

export { DataDirInUseError } from './embedded-postgres/data-dir-lock.js';

export interface EmbeddedDatabase {
  /** For the service: the unprivileged role on its own database. */
  url: string;
  /** Superuser on the `postgres` database, for tooling (tests create databases with it). */
  adminUrl: string;
  stop(): Promise<void>;
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
  const { url, adminUrl } = clusterUrls(passwords, port);
  try {
    await ensureAppDatabase(adminUrl, passwords.app);
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ port, dataDir: clusterDir }, 'Embedded PostgreSQL is running');

  return {
    url,
    adminUrl,
    stop: async () => {
      await server.stop();
      releaseLock();
    },
  };
}

/**
 * The embedded PostgreSQL that a running service started under `dataDir`, for tools that run
 * beside it (the CLI); null when none runs.
 */
export function runningEmbeddedPostgres(dataDir: string): Omit<EmbeddedDatabase, 'stop'> | null {
  const passwordFile = join(dataDir, 'postgres.json');
  if (!existsSync(passwordFile)) return null;
  const postmaster = runningPostmaster(join(dataDir, 'postgres'));
  return postmaster && clusterUrls(readPasswords(passwordFile), postmaster.port);
}
