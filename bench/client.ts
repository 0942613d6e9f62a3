/**
 * `@tessera/client` in a small Express app (bench/client-app.ts): the same route with no auth,
 * guarded by the middleware with the cache off, and with it on, for API tokens and for session
 * access tokens (the only credentials the cache keeps: API tokens carry rate limits, which
 * every use must reach Tessera to charge). Then the cache's revocation lag: how long after a
 * logout returns the cached client refuses the session.
 *
 * Part of `npm run bench`; alone: `BENCH_ONLY=client npm run bench`.
 */
import { spawn } from 'node:child_process';
import { TesseraClient } from '../packages/client/src/index.js';
import { pinned, seedServiceToken, stopService, type Service } from './support.js';

interface ClientScenario {
  name: string;
  path: string;
  credentials?: string[];
  expect: number;
  base: string;
  service: Service;
}

interface ClientResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  cpu: number | null;
}

const LAG_SAMPLES = Number(process.env.BENCH_LAG_SAMPLES ?? 20);

/** One app process (on the service's CPU when pinned: the load generator keeps the other). */
async function startApp(mode: string, port: number, tesseraUrl: string, token: string) {
  const node = [process.execPath, '--import', '@swc-node/register/esm-register'];
  const script = 'bench/client-app.ts';
  const [command, args] = pinned
    ? ['taskset', ['-c', '0', ...node, script]]
    : [node[0], [...node.slice(1), script]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MODE: mode,
      PORT: String(port),
      TESSERA_URL: tesseraUrl,
      TESSERA_TOKEN: token,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const service: Service = { base: `http://127.0.0.1:${port}`, child };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the ${mode} app exited during start-up`);
    try {
      const cache = (await (await fetch(`${service.base}/cache`)).json()) as { ready: boolean };
      if (mode !== 'cached' || cache.ready) return service;
    } catch {
      // not listening yet
    }
    if (i > 100) {
      if (mode === 'cached') {
        console.log('\nThe cached app never saw its event stream ready: cache rows not measured');
        await stopService(service);
        return null;
      }
      throw new Error(`the ${mode} app did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sessions of the bench user: the credentials the cache keeps. */
async function sessions(base: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-1' }),
    });
    out.push(((await login.json()) as { accessToken: string }).accessToken);
  }
  return out;
}

export async function measureClient(
  service: Service,
  databaseUrl: string,
  tokens: string[],
  basePort: number,
  measure: (service: Service, scenarios: ClientScenario[]) => Promise<ClientResult[]>,
  printTable: (title: string, results: ClientResult[], versus?: string) => void,
): Promise<void> {
  const verifier = await seedServiceToken(databaseUrl, 'client-bench@example.test');
  const sessionTokens = await sessions(service.base, 20);
  const apps: Service[] = [];
  try {
    const plain = (await startApp('none', basePort, service.base, verifier))!;
    apps.push(plain);
    const guarded = (await startApp('guarded', basePort + 1, service.base, verifier))!;
    apps.push(guarded);
    const cached = await startApp('cached', basePort + 2, service.base, verifier);
    if (cached) apps.push(cached);
    const scenario = (name: string, app: Service, credentials?: string[]): ClientScenario => ({
      name,
      path: '/projects',
      credentials,
      expect: 200,
      base: app.base,
      service: app,
    });
    const results = await measure(plain, [
      scenario('Express, no auth', plain),
      scenario('Express + middleware, API tokens, cache off', guarded, tokens),
      scenario('Express + middleware, sessions, cache off', guarded, sessionTokens),
      ...(cached
        ? [
            scenario('Express + middleware, API tokens, cache on', cached, tokens),
            scenario('Express + middleware, sessions, cache on', cached, sessionTokens),
          ]
        : []),
    ]);
    printTable(
      '@tessera/client in an Express app (CPU: the app process; Tessera runs beside it)',
      results,
      'no auth',
    );
  } finally {
    for (const app of apps) await stopService(app);
  }
  await revocationLag(service, verifier);
}

/**
 * A session verified into the cache, then logged out: how long until the cached client
 * refuses it (from the logout's answer; checked every millisecond, locally).
 */
async function revocationLag(service: Service, verifier: string): Promise<void> {
  const client = new TesseraClient({ baseUrl: service.base, token: verifier, cacheSeconds: 60 });
  try {
    const ready = await Promise.race([
      client.cacheReady().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    if (!ready) {
      console.log("\nNo event stream: the cache's revocation lag not measured");
      return;
    }
    const lags: number[] = [];
    for (let i = 0; i < LAG_SAMPLES; i++) {
      const [session] = await sessions(service.base, 1);
      await client.verify(session);
      if (!(await client.verify(session)).valid) throw new Error('not cached');
      const logout = await fetch(`${service.base}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}` },
      });
      if (logout.status !== 204) throw new Error(`logout answered ${logout.status}`);
      const loggedOut = performance.now();
      while ((await client.verify(session)).valid) {
        if (performance.now() - loggedOut > 5_000) throw new Error('still valid after 5 s');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      lags.push(performance.now() - loggedOut);
    }
    lags.sort((a, b) => a - b);
    const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))];
    console.log(
      `\nCache revocation lag (logout answered → cached client refuses), ${lags.length} sessions: ` +
        `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${lags[lags.length - 1].toFixed(1)} ms`,
    );
  } finally {
    client.close();
  }
}
