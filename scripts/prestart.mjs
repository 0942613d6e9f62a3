// `npm start`'s first step, before any build: refuse at once (exit 73) when DATA_DIR is held by
// a running Tessera, and rebuild dist/ only when a source is newer than the last build. The
// service checks DATA_DIR again itself (src/database/embedded-postgres.ts, the same rule and
// message): this early check only spares a build that would be refused, or that would replace
// dist/ under the running instance.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Written by `npm run build` once everything is built (scripts/dist-entries.mjs). */
export const BUILT = join(ROOT, 'dist', '.built');
const SOURCES = ['src', 'examples', 'console', 'package.json', 'package-lock.json', '.swcrc'];

if (existsSync('.env')) {
  // The same file the service reads; the environment wins over it.
  process.loadEnvFile('.env');
}

function dataDirHolder(dataDir) {
  let pid;
  try {
    pid = Number(readFileSync(join(dataDir, 'tessera.pid'), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return null;
  }
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]) ? pid : null;
  } catch {
    return pid; // No /proc (macOS): a live pid is taken as the holder.
  }
}

function newestSource(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

if (!process.env.DATABASE_URL) {
  const dataDir = resolve(process.env.DATA_DIR || './.data');
  const pid = dataDirHolder(dataDir);
  if (pid !== null) {
    process.stderr.write(
      `Tessera did not start: DATA_DIR ${dataDir} is in use by another Tessera process (pid ${pid}), ` +
        'which runs its embedded PostgreSQL. Stop that one first, or start this one with another ' +
        'DATA_DIR (or with DATABASE_URL). The running one was left alone.\n',
    );
    process.exit(73); // EX_CANTCREAT, as the service itself
  }
}

const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const stale = SOURCES.some((source) => newestSource(join(ROOT, source)) > built);
if (stale) {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
