/**
 * `npm run bench:profile`: the built service under `--cpu-prof`, one route driven for
 * BENCH_SECONDS (default 10), then the frames with the most self time. The .cpuprofile is kept
 * (open it in Chrome DevTools or speedscope for the flame graph).
 *
 * BENCH_ROUTE: `health`, `whoami-token` (default), `whoami-session`, `current`, `me`, `verify`
 * (`POST /verify` of the table's tokens by a service token).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cpuMillis,
  freshDatabase,
  seedServiceToken,
  seedSession,
  seedTokens,
  startService,
  stopService,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUTE = process.env.BENCH_ROUTE ?? 'whoami-token';
const PORT = 4300 + Math.floor(Math.random() * 100);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main() {
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const databaseUrl = await freshDatabase(cleanup);
    const dir = mkdtempSync(join(tmpdir(), 'tessera-profile-'));
    const service = await startService(databaseUrl, PORT, {}, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    cleanup.unshift(() => stopService(service));
    const { accessToken, userId } = await seedSession(service.base);
    const tokens = await seedTokens(databaseUrl, userId, 1000);
    const verifier = await seedServiceToken(databaseUrl);
    const routes: Record<
      string,
      { path: string; credentials: string[]; body?: (token: string) => unknown }
    > = {
      health: { path: '/health/live', credentials: [] },
      'whoami-token': { path: '/api/v1/auth/whoami', credentials: tokens },
      'whoami-session': { path: '/api/v1/auth/whoami', credentials: [accessToken] },
      current: { path: '/api/v1/tokens/current', credentials: tokens },
      me: { path: '/api/v1/auth/me', credentials: [accessToken] },
      verify: {
        path: '/api/v1/verify',
        credentials: [verifier],
        body: (token) => ({ token, clientIp: '198.51.100.7' }),
      },
    };
    const route = routes[ROUTE];
    let next = 0;
    let nextBody = 0;
    const drive = (duration: number) =>
      autocannon({
        url: service.base,
        connections: 50,
        duration,
        requests: [
          {
            path: route.path,
            method: route.body ? 'POST' : 'GET',
            setupRequest: (request) => {
              if (route.credentials.length > 0) {
                request.headers = {
                  ...request.headers,
                  authorization: `Bearer ${route.credentials[next++ % route.credentials.length]}`,
                };
              }
              if (route.body) {
                request.headers = { ...request.headers, 'content-type': 'application/json' };
                request.body = JSON.stringify(route.body(tokens[nextBody++ % tokens.length]));
              }
              return request;
            },
          },
        ],
      });
    await drive(2);
    const cpuBefore = cpuMillis(service);
    const counting = countInstructions(service.child.pid!);
    const result = await drive(SECONDS);
    const cpu = cpuMillis(service)! - cpuBefore!;
    const instructions = await counting.stop();
    console.log(
      `${ROUTE}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ` +
        `${((cpu * 1000) / result.requests.total).toFixed(1)} CPU ms per 1,000 requests` +
        (instructions
          ? `, ${Math.round(instructions / result.requests.total / 1000)}k user-space instructions per request`
          : ''),
    );
    await stopService(service);
    const file = join(
      dir,
      readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!,
    );
    summarize(file, SECONDS * 1e6);
  } finally {
    for (const step of cleanup) await step();
  }
}

/**
 * User-space instructions the process runs meanwhile (`perf stat`), when perf is installed and
 * allowed: unlike CPU time, the count hardly moves when other processes share the machine.
 */
function countInstructions(pid: number): { stop(): Promise<number | null> } {
  let output = '';
  const perf = spawn('perf', ['stat', '-x', ',', '-e', 'instructions:u', '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  perf.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    perf.on('error', () => resolve());
    perf.on('exit', () => resolve());
  });
  return {
    async stop() {
      perf.kill('SIGINT');
      await exited;
      const count = Number(
        output
          .split('\n')
          .find((line) => line.includes('instructions'))
          ?.split(',')[0],
      );
      return Number.isFinite(count) && count > 0 ? count : null;
    },
  };
}

/** Self time per frame over the profile's last `windowUs` (the load, not the start-up). */
function summarize(file: string, windowUs: number) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  let first = profile.samples.length;
  // The samples of the last `windowUs` before the shutdown signal.
  for (let elapsed = 0; first > 0 && elapsed < windowUs + 500_000;) {
    elapsed += profile.timeDeltas[--first] ?? 0;
  }
  for (let i = first; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    const delta = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + delta);
    total += delta;
  }
  console.log(`\nbusy ${(total / 1000).toFixed(0)} ms; top self time:\n`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
  console.log(`\nprofile: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
