/**
 * The cost of an `{org}` route in forward auth: the same credentials asked about a plain route
 * and about an organization's route (the membership check on top), compared as the serving
 * process's CPU per 1,000 requests within the same run.
 */
import { queryOnce } from '../src/database/pg-query.js';
import { generateApiToken } from '../src/tokens/token-format.js';
import type { Service } from './support.js';

/** The organization's route of the bench's policy file: `{org}` in the path, any member. */
export const ORG_ROUTE = {
  method: 'GET',
  path: '/orgs/{org}/projects/**',
  scopes: ['tokens:read'],
};

interface OrgScenario {
  name: string;
  path: string;
  headers: Record<string, string>;
  credentials: string[];
  expect: number;
}

interface OrgResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  cpu: number | null;
}

/**
 * An organization made over the API by the bench user (its owner, so its session carries the
 * membership), and `n` of its API tokens inserted directly (past MAX_TOKENS_PER_ORG, as the
 * personal ones are past the per-user limit).
 */
async function seedOrg(
  service: Service,
  databaseUrl: string,
  accessToken: string,
  n: number,
): Promise<{ slug: string; tokens: string[] }> {
  const created = await fetch(`${service.base}/api/v1/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ name: 'Bench Org', slug: 'bench-org' }),
  });
  if (created.status !== 201) throw new Error(`org create failed: ${await created.text()}`);
  const org = (await created.json()) as { id: string; slug: string };
  const tokens = Array.from({ length: n }, generateApiToken);
  await queryOnce(
    databaseUrl,
    `INSERT INTO api_tokens (org_id, name, prefix, token_hash, scopes, allowed_ips)
     SELECT $1, 'bench org ' || gen_random_uuid(), left(t, 8), sha256(convert_to(t, 'UTF8')),
            '{tokens:read,profile:read}', '{}'
     FROM unnest($2::text[]) AS t`,
    [org.id, tokens],
  );
  return { slug: org.slug, tokens };
}

/**
 * Forward auth on a plain route and on an `{org}` route, with an org token and with a member's
 * session; prints the table and the extra CPU per request of the org route.
 */
export async function measureOrgRoutes(
  service: Service,
  databaseUrl: string,
  accessToken: string,
  sampleTokens: number,
  measure: (service: Service, scenarios: OrgScenario[]) => Promise<OrgResult[]>,
  printTable: (title: string, results: OrgResult[], versus?: string) => void,
): Promise<void> {
  const { slug, tokens } = await seedOrg(service, databaseUrl, accessToken, sampleTokens);
  const forwarded = (uri: string) => ({ 'x-forwarded-method': 'GET', 'x-forwarded-uri': uri });
  const plain = forwarded('/projects/1');
  const orgRoute = forwarded(`/orgs/${slug}/projects/1`);
  const scenario = (name: string, headers: Record<string, string>, credentials: string[]) => ({
    name,
    path: '/api/v1/forward-auth',
    headers,
    credentials,
    expect: 200,
  });
  const results = await measure(service, [
    scenario('forward auth, org token, plain route', plain, tokens),
    scenario('forward auth, org token, {org} route', orgRoute, tokens),
    scenario("forward auth, member's session, plain route", plain, [accessToken]),
    scenario("forward auth, member's session, {org} route", orgRoute, [accessToken]),
  ]);
  printTable('Forward auth: plain routes and {org} routes', results, 'the first row');
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  const extra = (plainResult: OrgResult, orgResult: OrgResult) => {
    const cpu =
      plainResult.cpu === null || orgResult.cpu === null
        ? 'n/a'
        : signed((orgResult.cpu - plainResult.cpu) / plainResult.cpu);
    return `CPU per request ${cpu}, requests/s ${signed((orgResult.rps - plainResult.rps) / plainResult.rps)}`;
  };
  console.log(
    `\n{org} route vs plain route (budget: 5% of forward auth's throughput): org token ` +
      `${extra(results[0], results[1])}; member's session ${extra(results[2], results[3])}`,
  );
}
