import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, type CounterConfiguration } from 'prom-client';

/**
 * A counter for the per-request path. prom-client hashes the label values on every `inc()`,
 * even through a `labels(...)` child; here each child is a plain number bumped in place, and
 * the totals reach the prom-client counter when `/metrics` is scraped.
 */
export class HotCounter<L extends string> {
  readonly counter: Counter<L>;
  private readonly children: { labels: Partial<Record<L, string>>; child: HotChild }[] = [];

  constructor(config: Omit<CounterConfiguration<L>, 'collect'>) {
    const children = this.children;
    this.counter = new Counter<L>({
      ...config,
      collect() {
        for (const { labels, child } of children) {
          if (child.pending === 0) continue;
          this.inc(labels, child.pending);
          child.pending = 0;
        }
      },
    });
  }

  /** The child of these label values, made once: call it at start-up, keep it, bump it. */
  child(labels: Record<L, string>): HotChild {
    const child = new HotChild();
    this.children.push({ labels, child });
    // Shown as 0 from the start, so that ratios and rates exist before the first event.
    this.counter.inc(labels, 0);
    return child;
  }
}

export class HotChild {
  pending = 0;
  inc(): void {
    this.pending++;
  }
}

export type VerificationKind = 'api_token' | 'session';
export type VerificationOutcome =
  'ok' | 'invalid' | 'rate_limited' | 'usage_exceeded' | 'unavailable' | 'error';

/**
 * Every metric of one application, in a registry of its own (several apps in one process, as
 * in the tests, must not share counters). Labels never carry a credential, an id or an address.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  /** Credential checks by kind (`api_token`, `session`) and outcome. */
  readonly verifications = new HotCounter<'kind' | 'outcome'>({
    name: 'tessera_credential_verifications_total',
    help: 'Bearer credentials checked, by kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers: [this.registry],
  });

  /** Lookups of the in-process credential caches; hit ratio = hit / (hit + miss). */
  readonly cacheLookups = new HotCounter<'cache' | 'result'>({
    name: 'tessera_credential_cache_lookups_total',
    help: 'Credential cache lookups, by cache (api_token, session) and result (hit, miss)',
    labelNames: ['cache', 'result'],
    registers: [this.registry],
  });

  /** Requests refused by a rate limit (`api_token` per-token limits, `auth` throttling). */
  readonly rateLimitRefusals = new HotCounter<'limit'>({
    name: 'tessera_rate_limit_refusals_total',
    help: 'Requests refused with 429, by limit (api_token, auth)',
    labelNames: ['limit'],
    registers: [this.registry],
  });

  /** Rate-limit decisions taken on local counters because Redis did not answer. */
  readonly rateLimitFallbacks = new HotCounter<never>({
    name: 'tessera_rate_limit_local_fallbacks_total',
    help: 'Rate-limit decisions taken on in-process counters while Redis was unreachable',
    registers: [this.registry],
  });

  /** From an invalidation's publication on one instance to its receipt on this one. */
  readonly invalidationLag = new Histogram({
    name: 'tessera_invalidation_lag_seconds',
    help: 'Delay from publishing a cache invalidation to receiving it (clocks of both instances)',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  /** 1 while the connection is usable: `commands` (counters), `bus` (invalidations heard). */
  readonly redisUp = new Gauge<'connection'>({
    name: 'tessera_redis_up',
    help: 'Whether Redis is reachable (1) or not (0), by connection (commands, bus)',
    labelNames: ['connection'],
    registers: [this.registry],
  });

  // Scheduled jobs (purge and the like).
  /** Runs of a scheduled job: `outcome` is ok, failed or skipped (another instance ran it). */
  readonly jobRuns = new Counter<'job' | 'outcome'>({
    name: 'tessera_job_runs_total',
    help: 'Scheduled job runs, by job and outcome (ok, failed, skipped)',
    labelNames: ['job', 'outcome'],
    registers: [this.registry],
  });

  /** Rows deleted by purges, by kind (tokens, sessions, idempotency keys, …). */
  readonly purgedRows = new Counter<'kind'>({
    name: 'tessera_purged_rows_total',
    help: 'Rows deleted by purges, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  readonly jobDurationSeconds = new Histogram<'job'>({
    name: 'tessera_job_duration_seconds',
    help: 'How long scheduled job runs take, by job',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
}
