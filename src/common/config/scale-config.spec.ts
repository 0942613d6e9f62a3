import { loadAppConfig } from './app-config.js';
import { configProblems, SECRET } from '../../../test/support/config-env.js';

const problemsOf = (env: Record<string, string>) => configProblems(loadAppConfig, env);

describe('configuration: several instances', () => {
  const base = { APP_SECRET: SECRET, DATA_DIR: '/tmp/tessera-x' };

  it('defaults to no Redis, the tessera: prefix, 2-second degraded caches and open metrics', () => {
    expect(loadAppConfig(base)).toMatchObject({
      redisUrl: undefined,
      redisPrefix: 'tessera:',
      degradedCacheTtlSeconds: 2,
      metricsToken: undefined,
    });
  });

  it('reads the Redis URL, the prefix, the degraded lifetime and the metrics token', () => {
    const config = loadAppConfig({
      ...base,
      REDIS_URL: 'rediss://:pw@redis.example.test:6380/2',
      REDIS_PREFIX: 'tessera-staging:',
      DEGRADED_CACHE_TTL_SECONDS: '5',
      METRICS_TOKEN: 'm'.repeat(20),
    });
    expect(config).toMatchObject({
      redisUrl: 'rediss://:pw@redis.example.test:6380/2',
      redisPrefix: 'tessera-staging:',
      degradedCacheTtlSeconds: 5,
      metricsToken: 'm'.repeat(20),
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      ...base,
      REDIS_URL: 'http://redis:6379',
      REDIS_PREFIX: 'has space',
      DEGRADED_CACHE_TTL_SECONDS: '61',
      METRICS_TOKEN: 'short',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/REDIS_PREFIX/);
    expect(problems.join('\n')).toMatch(/DEGRADED_CACHE_TTL_SECONDS.*0 to 60/);
    expect(problems.join('\n')).toMatch(/METRICS_TOKEN/);
  });
});

describe('configuration: Redis Cluster and a transaction pooler', () => {
  const base = { APP_SECRET: SECRET, DATA_DIR: '/tmp/tessera-x' };

  it('reads the cluster nodes, IPv6 in brackets', () => {
    expect(
      loadAppConfig({
        ...base,
        REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-2.internal:7001,[::1]:7002',
      }),
    ).toMatchObject({
      redisUrl: undefined,
      redisClusterNodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-2.internal', port: 7001 },
        { host: '::1', port: 7002 },
      ],
    });
  });

  it('reads the pool mode and the direct URL, session by default', () => {
    expect(loadAppConfig(base)).toMatchObject({
      databasePoolMode: 'session',
      databaseDirectUrl: undefined,
    });
    expect(
      loadAppConfig({
        ...base,
        DATABASE_URL: 'postgres://app@pgbouncer:6432/tessera',
        DATABASE_POOL_MODE: 'transaction',
        DATABASE_DIRECT_URL: 'postgres://app@db:5432/tessera',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://app@pgbouncer:6432/tessera',
      databasePoolMode: 'transaction',
      databaseDirectUrl: 'postgres://app@db:5432/tessera',
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      ...base,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1',
      DATABASE_POOL_MODE: 'statement',
      DATABASE_DIRECT_URL: 'mysql://db/tessera',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(
      /REDIS_CLUSTER_NODES must be host:port pairs.*"127\.0\.0\.1"/,
    );
    expect(problems.join('\n')).toMatch(/DATABASE_POOL_MODE must be one of session, transaction/);
    expect(problems.join('\n')).toMatch(/DATABASE_DIRECT_URL must be a postgres:\/\//);
    expect(
      problemsOf({ ...base, REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' }),
    ).toEqual(['REDIS_URL and REDIS_CLUSTER_NODES name the same Redis: set one of them']);
    expect(
      problemsOf({
        ...base,
        DATABASE_POOL_MODE: 'transaction',
        DATABASE_DIRECT_URL: 'postgres://db/tessera',
      }),
    ).toEqual([
      "DATABASE_POOL_MODE=transaction needs DATABASE_URL (the pooler's address)",
      'DATABASE_DIRECT_URL goes with DATABASE_URL: set both',
    ]);
  });
});
