import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Owner } from './os-user.js';
import { isAlive, serverEnv, servesCluster } from './processes.js';

export interface RunningServer {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the server on `port`, loopback only, and supervises it: resolves once it accepts
 * connections, reports an exit that no stop asked for, and kills it should the service exit.
 */
export function startServer(
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

/**
 * The server running on `clusterDir`, by its `postmaster.pid`; null when none does (no file, a
 * dead pid, or a pid reused by another process).
 */
export function runningPostmaster(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !servesCluster(pid, clusterDir)) {
    return null;
  }
  return { pid, port: Number(portLine) };
}

/** A previous run killed without a clean stop may have left its server running. */
export async function stopOrphan(clusterDir: string, logger: Logger): Promise<void> {
  const pid = runningPostmaster(clusterDir)?.pid;
  if (pid === undefined) return;
  logger.warn({ pid }, 'Stopping a PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
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
