import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { keySlot } from '../../src/common/redis/key-slot.js';
import { accepts, freePort, isFree } from './network.js';
import { sleep } from './time.js';

// Kept here too for the specs that import it from this file.
export { freePort };

/**
 * The components of a deployment past one machine, started on loopback from the binaries the
 * operating system has: a Redis Cluster (redis-server, redis-cli) and PgBouncer. nginx is in
 * nginx.ts.
 */

const BINARIES = {
  'redis-server': ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
  'redis-cli': ['/usr/bin/redis-cli', '/usr/local/bin/redis-cli'],
  pgbouncer: ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'],
} as const;

type Binary = keyof typeof BINARIES;

export function binary(name: Binary): string | undefined {
  const found = BINARIES[name].find((candidate) => existsSync(candidate));
  if (found) return found;
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

/**
 * Whether every binary is installed. Missing: under CI that fails the run (`.ci/run` installs
 * them), elsewhere the file is skipped with one line naming what is missing.
 */
export function binariesAvailable(file: string, names: Binary[]): boolean {
  const missing = names.filter((name) => !binary(name));
  if (missing.length === 0) return true;
  const packages = [
    ...new Set(missing.map((name) => (name === 'pgbouncer' ? 'pgbouncer' : 'redis-server'))),
  ];
  const message = `Not installed: ${missing.join(', ')} (apt-get install -y ${packages.join(' ')})`;
  if (process.env.CI === 'true') throw new Error(`${message}: ${file} needs them under CI`);
  process.stdout.write(`${message}: skipping ${file}\n`);
  return false;
}

/** A free port whose cluster bus port (+10000) is free too. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + 10_000 > 65_535 || taken.has(port)) continue;
    if (await isFree(port + 10_000)) return port;
  }
}

async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await accepts(port)) return;
    if (Date.now() - started > timeoutMs) throw new Error(`nothing listens on ${port}`);
    await sleep(20);
  }
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

export interface ClusterNode {
  port: number;
  child: ChildProcess;
}

/**
 * A Redis Cluster on loopback: `masters` masters with one replica each, a short node timeout
 * (1 s) so that a killed master fails over within a few seconds, no persistence.
 */
export class RedisClusterHarness {
  private constructor(
    readonly dir: string,
    readonly nodes: ClusterNode[],
  ) {}

  /** `REDIS_CLUSTER_NODES` for the service: every node, though any one would do. */
  get nodesEnv(): string {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  }

  static async start(masters = 3): Promise<RedisClusterHarness> {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-redis-cluster-'));
    const taken = new Set<number>();
    const nodes: ClusterNode[] = [];
    try {
      for (let i = 0; i < masters * 2; i++) {
        const port = await freeClusterPort(taken);
        taken.add(port);
        const nodeDir = join(dir, String(port));
        mkdirSync(nodeDir);
        writeFileSync(
          join(nodeDir, 'redis.conf'),
          [
            `port ${port}`,
            'bind 127.0.0.1',
            'cluster-enabled yes',
            `cluster-config-file ${join(nodeDir, 'nodes.conf')}`,
            'cluster-node-timeout 1000',
            // A replica of a dead master takes over at once, however stale its data.
            'cluster-replica-validity-factor 0',
            'appendonly no',
            'save ""',
            `dir ${nodeDir}`,
            'daemonize no',
            'loglevel warning',
            `logfile ${join(nodeDir, 'redis.log')}`,
          ].join('\n') + '\n',
        );
        const child = spawn(binary('redis-server')!, [join(nodeDir, 'redis.conf')], {
          stdio: 'ignore',
        });
        nodes.push({ port, child });
      }
      await Promise.all(nodes.map((node) => listening(node.port)));
      const create = spawnSync(
        binary('redis-cli')!,
        [
          '--cluster',
          'create',
          ...nodes.map((node) => `127.0.0.1:${node.port}`),
          '--cluster-replicas',
          '1',
          '--cluster-yes',
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      if (create.status !== 0) {
        throw new Error(`redis-cli --cluster create failed:\n${create.stdout}${create.stderr}`);
      }
      const cluster = new RedisClusterHarness(dir, nodes);
      await cluster.waitHealthy();
      return cluster;
    } catch (error) {
      await Promise.all(nodes.map((node) => stopChild(node.child, 'SIGKILL')));
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** One command to one node (null when it does not answer). */
  async ask(port: number, ...command: string[]): Promise<unknown> {
    const redis = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      connectTimeout: 500,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await redis.call(command[0], ...command.slice(1));
    } catch {
      return null;
    } finally {
      redis.disconnect();
    }
  }

  get alive(): ClusterNode[] {
    return this.nodes.filter((node) => node.child.exitCode === null && !node.child.signalCode);
  }

  /** The port of the master serving `key`'s slot, as a live node sees it. */
  async masterOf(key: string): Promise<number> {
    const slot = keySlot(key);
    for (const node of this.alive) {
      const slots = (await this.ask(node.port, 'CLUSTER', 'SLOTS')) as
        [number, number, [string, number]][] | null;
      const range = slots?.find(([from, to]) => slot >= from && slot <= to);
      if (range) return range[2][1];
    }
    throw new Error(`no node knows slot ${slot}`);
  }

  /** Every live node says the cluster is ok and sees `masters` masters serving all slots. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const infos = await Promise.all(
        this.alive.map((node) => this.ask(node.port, 'CLUSTER', 'INFO')),
      );
      const ok = infos.every(
        (info) =>
          typeof info === 'string' &&
          info.includes('cluster_state:ok') &&
          info.includes('cluster_slots_ok:16384'),
      );
      if (ok) return;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`the Redis Cluster is not healthy:\n${infos.join('\n')}`);
      }
      await sleep(100);
    }
  }

  /** Kills a node at once (SIGKILL, like a crash or a lost machine). */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((candidate) => candidate.port === port);
    if (!node) throw new Error(`no node on ${port}`);
    await stopChild(node.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => stopChild(node.child)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * PgBouncer in transaction pooling in front of the PostgreSQL of `serverUrl` (every database on
 * it, same names), trusting loopback clients. It logs in to the server as the user of
 * `serverUrl`, with its password when it has one (the embedded PostgreSQL of a run without
 * DATABASE_URL has a generated one). As root, it runs as `postgres` (PgBouncer refuses to run as
 * root).
 */
export class PgBouncerHarness {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  /** `url` with its host and port replaced by PgBouncer's. */
  rewrite(url: string): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(this.port);
    return through.toString();
  }

  static async start(serverUrl: string, poolSize = 10): Promise<PgBouncerHarness> {
    const server = new URL(serverUrl);
    const user = decodeURIComponent(server.username || 'postgres');
    const password = decodeURIComponent(server.password);
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'tessera-pgbouncer-'));
    const asRoot = process.getuid?.() === 0;
    // Read by PgBouncer only: clients are trusted, the password is for its own server logins.
    writeFileSync(join(dir, 'users.txt'), `${quoted(user)} ${quoted(password)}\n`, {
      mode: 0o600,
    });
    const login = `user=${connValue(user)}${password ? ` password=${connValue(password)}` : ''}`;
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = host=${server.hostname} port=${server.port || 5432} ${login}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'users.txt')}`,
        'pool_mode = transaction',
        `default_pool_size = ${poolSize}`,
        'max_client_conn = 500',
        // Nothing of a session survives its transaction: exactly what production poolers do.
        'server_reset_query =',
        'ignore_startup_parameters = extra_float_digits',
        'logfile =',
        'pidfile =',
        'log_connections = 0',
        'log_disconnections = 0',
      ].join('\n') + '\n',
    );
    if (asRoot) {
      // PgBouncer runs as `postgres`: the files become its own.
      const { uid, gid } = postgresUser();
      chmodSync(dir, 0o755);
      for (const file of ['users.txt', 'pgbouncer.ini']) chownSync(join(dir, file), uid, gid);
    }
    const args = [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')];
    const child = spawn(binary('pgbouncer')!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await Promise.race([
        listening(port),
        new Promise((_, reject) =>
          child.once('exit', () => reject(new Error(`pgbouncer exited:\n${output}`))),
        ),
      ]);
    } catch (error) {
      await stopChild(child, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return new PgBouncerHarness(port, dir, child, () => output);
  }

  get log(): string {
    return this.output();
  }

  async stop(): Promise<void> {
    await stopChild(this.child, 'SIGINT');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An auth_file field: double-quoted, a double quote doubled. */
function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A value in a PgBouncer connection string: single-quoted, quote and backslash escaped. */
function connValue(value: string): string {
  return `'${value.replace(/([\\'])/g, '\\$1')}'`;
}

/** The uid and gid of the `postgres` account PgBouncer is started as under root. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`no "postgres" account to run PgBouncer as`);
    return Number(result.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}
