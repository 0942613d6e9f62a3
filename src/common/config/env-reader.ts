import { validateCronExpression } from 'cron';

export type Env = Record<string, string | undefined>;

/** Every problem of the environment, named at once: the service refuses to start with them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** A secret that is plainly a stand-in: refused in production. */
export const PLACEHOLDER = /change[-_ ]?me|placeholder|example|secret$|^x+$/i;

/**
 * Reads typed values from the environment, pushing a message naming the variable into
 * `problems` for each bad one (and answering its fallback), so that every section reads on and
 * one failed start names all the bad variables.
 */
export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  /** A standard 5-field cron expression (minute, hour, day of month, month, day of week). */
  cron(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const fields = value.split(/\s+/).length;
    if (fields !== 5 || !validateCronExpression(value).valid) {
      this.problems.push(
        `${name} must be a cron expression of 5 fields: minute hour day-of-month month day-of-week, e.g. "0 3 * * *" (got "${value}")`,
      );
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      if (protocols.includes(new URL(value).protocol)) return value;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a ${protocols.map((p) => p + '//').join(' or ')} URL`);
    return undefined;
  }

  list(name: string, fallback: '*'): true | string[] {
    const value = this.raw(name) ?? fallback;
    if (value === '*') return true;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  trustProxy(name: string): false | string[] | number {
    const value = this.raw(name);
    if (value === undefined || value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (value === 'true') {
      this.problems.push(
        `${name}=true would believe any client's X-Forwarded-For; name the proxies (addresses or CIDRs) or a hop count`,
      );
      return false;
    }
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}
