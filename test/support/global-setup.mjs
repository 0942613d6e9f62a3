// Jest runs global set-up outside its module system, so TypeScript is loaded here through a
// Node loader rather than jest's transform.
import { register } from 'node:module';

register('@swc-node/register/esm', import.meta.url);

export default async function globalSetup() {
  const { setUpTestDatabase } = await import('./test-database.ts');
  await setUpTestDatabase();
}
