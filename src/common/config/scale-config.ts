import type { EnvReader } from './env-reader.js';

/** Several instances: shared counters, cross-instance invalidation, metrics. */
export interface ScaleConfig {
  /** `redis://` or `rediss://`; unset: one instance, in-memory counters, no invalidation bus. */
  readonly redisUrl?: string;
  /** Instead of {@link redisUrl}: some nodes of a Redis Cluster (the rest are discovered). */
  readonly redisClusterNodes?: { host: string; port: number }[];
  /** Prefix of every Redis key and channel, so that deployments can share one Redis. */
  readonly redisPrefix: string;
  /** Cache lifetime while the invalidation bus is down (revocations elsewhere may go unheard). */
  readonly degradedCacheTtlSeconds: number;
  /** Unset: `/metrics` is open (keep it off the public proxy); set: it wants this bearer token. */
  readonly metricsToken?: string;
}

const REDIS_PREFIX = /^[\w.:-]{1,64}$/;

/** Several instances: Redis for shared counters and invalidation, and the metrics endpoint. */
export function readScaleConfig(read: EnvReader, problems: string[]): ScaleConfig {
  const redisPrefix = read.string('REDIS_PREFIX', 'tessera:');
  if (!REDIS_PREFIX.test(redisPrefix)) {
    problems.push('REDIS_PREFIX must be 1 to 64 letters, digits, or . _ : -');
  }
  const metricsToken = read.string('METRICS_TOKEN', '') || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  }
  const redisUrl = read.optionalUrl('REDIS_URL', ['redis:', 'rediss:']);
  const redisClusterNodes = readClusterNodes(read.string('REDIS_CLUSTER_NODES', ''), problems);
  if (redisUrl && redisClusterNodes) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES name the same Redis: set one of them');
  }
  return {
    redisUrl,
    redisClusterNodes,
    redisPrefix,
    degradedCacheTtlSeconds: read.int('DEGRADED_CACHE_TTL_SECONDS', 2, 0, 60),
    metricsToken,
  };
}

const HOST_PORT = /^(?:\[([0-9a-fA-F:.]+)\]|([\w.-]+)):(\d{1,5})$/;

/** `host:port,host:port,…` (IPv6 in brackets); undefined when empty. */
function readClusterNodes(
  value: string,
  problems: string[],
): { host: string; port: number }[] | undefined {
  if (value === '') return undefined;
  const nodes: { host: string; port: number }[] = [];
  for (const item of value.split(',').map((part) => part.trim())) {
    const match = HOST_PORT.exec(item);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) {
      problems.push(
        `REDIS_CLUSTER_NODES must be host:port pairs separated by commas, e.g. 10.0.0.1:6379,10.0.0.2:6379 (got "${item}")`,
      );
      return undefined;
    }
    nodes.push({ host: match[1] ?? match[2], port });
  }
  return nodes;
}
