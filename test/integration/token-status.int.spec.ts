import pg from 'pg';
import { TOKEN_STATUSES, tokenStatusAt, tokenStatusSql } from '../../src/tokens/token-status.js';

/**
 * The status rule is written once for TypeScript and once for SQL: both must say the same of
 * every token, the instants of its ends included.
 */
describe('The status rule in SQL', () => {
  let sql: pg.Client;

  beforeAll(async () => {
    sql = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
  });

  it('gives every token the status TypeScript gives it, by the database clock', async () => {
    const ends = [null, -60, -1, 0, 1, 60];
    const cases = ends.flatMap((revoked) => ends.map((expires) => [revoked, expires]));
    const status = tokenStatusSql('t.');
    const { rows } = await sql.query<{
      now: Date;
      revoked_at: Date | null;
      expires_at: Date | null;
      active: boolean;
      expired: boolean;
      revoked: boolean;
    }>(
      `SELECT now() AS now, t.revoked_at, t.expires_at,
              ${TOKEN_STATUSES.map((s) => `COALESCE(${status[s]}, false) AS ${s}`).join(', ')}
       FROM (SELECT now() + make_interval(secs => r) AS revoked_at,
                    now() + make_interval(secs => e) AS expires_at
             FROM jsonb_to_recordset($1::jsonb) AS c(r int, e int)) AS t`,
      [JSON.stringify(cases.map(([r, e]) => ({ r, e })))],
    );
    expect(rows).toHaveLength(cases.length);
    for (const row of rows) {
      const expected = tokenStatusAt(
        row.revoked_at?.getTime() ?? null,
        row.expires_at?.getTime() ?? null,
        row.now.getTime(),
      );
      const matching = TOKEN_STATUSES.filter((s) => row[s]);
      expect({ ...row, matching }).toEqual({ ...row, matching: [expected] });
    }
  });
});
