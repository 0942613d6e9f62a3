import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../support/nginx.js';
import { TEST_SECRET } from '../support/test-app.js';
import { sleep } from '../support/time.js';

const MAIN = pathToFileURL(join(process.cwd(), 'src', 'main.ts')).href;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a newcomer runs it, from the folder `cwd`, without the test's environment. */
function start(cwd: string, env: Record<string, string | undefined>): Started {
  let output = '';
  const child = spawn(
    process.execPath,
    [
      '--import',
      '@swc-node/register/esm-register',
      '--input-type=module',
      '-e',
      `process.chdir(${JSON.stringify(cwd)}); await import(${JSON.stringify(MAIN)});`,
    ],
    { env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env } },
  );
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(port: number, started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`the service on port ${port} did not become ready:\n${started.output()}`);
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode === null) started.child.kill('SIGTERM');
  await started.exited;
}

describe('Starting the service', () => {
  const root = mkdtempSync(join(tmpdir(), 'tessera-start-'));
  const running: Started[] = [];
  afterAll(async () => {
    await Promise.all(running.map(stop));
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second start on a DATA_DIR in use, with a clear message, and leaves the running one alone', async () => {
    const dataDir = join(root, 'data');
    const env = { DATA_DIR: dataDir, HOST: '127.0.0.1', APP_SECRET: TEST_SECRET };
    const firstPort = await freePort();
    const first = start(root, { ...env, PORT: String(firstPort) });
    running.push(first);
    await ready(firstPort, first);
    const postmaster = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');

    const second = start(root, { ...env, PORT: String(await freePort()) });
    running.push(second);
    expect(await second.exited).toBe(73);
    expect(second.output()).toContain(
      `DATA_DIR ${dataDir} is in use by another Tessera process (pid ${first.child.pid})`,
    );
    // The first one's PostgreSQL is the same process, and the service still answers.
    expect(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).toBe(postmaster);
    const res = await fetch(`http://127.0.0.1:${firstPort}/health/ready`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });

    // Stopped, the first one gives the folder back.
    await stop(first);
    expect(existsSync(join(dataDir, 'tessera.pid'))).toBe(false);
  }, 180_000);

  it('takes over a DATA_DIR whose holder died without giving it back', async () => {
    const dataDir = join(root, 'data');
    // A pid that is not running (the kernel's maximum is far below it).
    writeFileSync(join(dataDir, 'tessera.pid'), '2147483646\n');
    const port = await freePort();
    const again = start(root, {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      APP_SECRET: TEST_SECRET,
      PORT: String(port),
    });
    running.push(again);
    await ready(port, again);
    expect(readFileSync(join(dataDir, 'tessera.pid'), 'utf8').trim()).toBe(String(again.child.pid));
    await stop(again);
  }, 180_000);

  describe('.env', () => {
    it('reads .env from the folder it starts in; the environment wins over the file', async () => {
      const dir = mkdtempSync(join(root, 'env-'));
      const port = await freePort();
      writeFileSync(
        join(dir, '.env'),
        [
          `DATABASE_URL=${process.env.TEST_DATABASE_URL}`,
          `PORT=${port}`,
          'HOST=127.0.0.1',
          `APP_SECRET=${TEST_SECRET}`,
          '# a comment, and a value the environment overrides:',
          'ACCESS_TOKEN_TTL_SECONDS=not-a-number',
        ].join('\n'),
      );
      const refused = start(dir, {});
      expect(await refused.exited).toBe(78);
      expect(refused.output()).toContain('ACCESS_TOKEN_TTL_SECONDS must be a whole number');

      const started = start(dir, { ACCESS_TOKEN_TTL_SECONDS: '600' });
      running.push(started);
      await ready(port, started);
      await stop(started);
    }, 120_000);
  });
});
