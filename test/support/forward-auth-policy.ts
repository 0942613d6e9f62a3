import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The API's own scopes that the example policy's routes ask for. */
export const READ_SCOPE = 'projects:read';
export const WRITE_SCOPE = 'projects:write';

/** The example policy of docs/guard-your-api.md (forward auth): a public area, and projects readable and writable by scope. */
export const EXAMPLE_POLICY = {
  scopes: [
    { name: 'projects:read', description: 'Read projects' },
    { name: 'projects:write', description: 'Create and change projects' },
  ],
  routes: [
    { path: '/public/**', public: true },
    { method: 'GET', path: '/projects/**', scopes: [READ_SCOPE] },
    { method: '*', path: '/projects/**', scopes: [WRITE_SCOPE] },
  ],
};

/**
 * Writes `policy` to a fresh file: `env` names it for the apps a test starts, `remove` deletes
 * it.
 */
export function writePolicyFile(policy: unknown = EXAMPLE_POLICY): {
  env: { POLICY_FILE: string };
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-policy-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return {
    env: { POLICY_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
