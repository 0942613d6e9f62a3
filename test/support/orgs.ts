import pg from 'pg';
import type { Api, LoggedInUser } from './test-app.js';

export interface CreatedOrg {
  id: string;
  name: string;
  slug: string;
  role: string;
  [field: string]: unknown;
}

let orgNames = 0;

/** Creates an organization with `owner` as its first owner; fails the test if that does not work. */
export async function createOrg(
  api: Api,
  owner: Pick<LoggedInUser, 'accessToken'>,
  body: Record<string, unknown> = {},
): Promise<CreatedOrg> {
  const created = await api.post('/api/v1/orgs', {
    token: owner.accessToken,
    body: { name: `Test org ${++orgNames} ${Date.now()}`, ...body },
  });
  if (created.status !== 201) throw new Error(`org create failed: ${created.text}`);
  return created.body as CreatedOrg;
}

/**
 * Makes `userId` a member of `orgId` straight in the database (the run's, or the isolated one at
 * `databaseUrl`): a factory for tests about what members may do, apart from the invitation flow
 * that normally adds them.
 */
export async function addMember(
  orgId: string,
  userId: string,
  role: 'owner' | 'admin' | 'member',
  databaseUrl = process.env.TEST_DATABASE_URL,
): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3)`, [
      orgId,
      userId,
      role,
    ]);
  } finally {
    await db.end();
  }
}
