import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Owner } from './os-user.js';

/** No secret of the service's (APP_SECRET and the like) reaches PostgreSQL's processes. */
export function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C' };
}

/** Runs `command` (as `owner`) to its end; rejects with its output when it fails. */
export function runToEnd(command: string, args: string[], owner: Owner | undefined): Promise<void> {
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

/** Only a postgres started on this very data folder is ours to stop. */
export function servesCluster(pid: number, clusterDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const d = args.indexOf('-D');
    return d >= 0 && args[d + 1] === clusterDir;
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
