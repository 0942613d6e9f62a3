import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './processes.js';

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

/**
 * `DATA_DIR/tessera.pid` names the process that runs the embedded PostgreSQL. Created
 * exclusively, so that of two starts at the same moment one wins; a file whose process is gone
 * (a crash, a kill -9) is stale and taken over, and its orphaned PostgreSQL stopped.
 * Returns the release, also run at exit.
 */
export function lockDataDir(dataDir: string): () => void {
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
