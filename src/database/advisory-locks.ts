import pg from 'pg';

/**
 * PostgreSQL advisory locks held on a connection of their own, outside the pool: they last
 * exactly as long as that connection, so a crashed holder's locks die with it.
 */
export class AdvisoryLockSession {
  private constructor(private readonly client: pg.Client) {}

  static async open(
    url: string | undefined,
    applicationName: string,
  ): Promise<AdvisoryLockSession> {
    const client = new pg.Client({ connectionString: url, application_name: applicationName });
    await client.connect();
    return new AdvisoryLockSession(client);
  }

  /**
   * Takes the two-part lock `(namespace, hashtext(name))` of every name, or none: returns the
   * first name whose lock is held elsewhere, or null when all are now held here.
   */
  async tryLockAll<T extends string>(namespace: number, names: readonly T[]): Promise<T | null> {
    for (const name of names) {
      const { rows } = await this.client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [namespace, name],
      );
      if (!rows[0].locked) {
        await this.client.query('SELECT pg_advisory_unlock_all()');
        return name;
      }
    }
    return null;
  }

  /** Closing the connection releases its locks whatever happened. */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
