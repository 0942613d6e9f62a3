import { execFile } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, parse } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

export const run = promisify(execFile);

/** PostgreSQL refuses to run as root; as root the cluster runs as this OS user. */
const OS_USER = 'postgres';

/** Who the cluster's files and processes belong to, when the service runs as root. */
export interface Owner {
  uid: number;
  gid: number;
}

/** The OS user PostgreSQL runs as, created (a system user) when missing. */
export async function osUser(logger: Logger): Promise<Owner> {
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

/**
 * The unprivileged user must reach its data and the binaries through every parent folder:
 * grants "search" (x, not read) where it is missing, and says so.
 */
export function grantTraversal(path: string, logger: Logger): void {
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
