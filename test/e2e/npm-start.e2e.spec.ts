import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { Api, TEST_SECRET, createToken, newUser } from '../support/test-app.js';

const ROOT = process.cwd();
/** What a clone holds that `npm start` reads (node_modules is linked, not copied). */
const CHECKOUT = [
  'src',
  'examples',
  'console',
  'scripts',
  'package.json',
  '.swcrc',
  'tsconfig.json',
];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` in `cwd`, with only `env` (and PATH) in its environment. */
function npmStart(cwd: string, env: Record<string, string>): Started {
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', ...env },
    detached: true,
  });
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The start-up line's address; the service is up once it is written. */
async function startLine(started: Started, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line =
      /Tessera is listening on ([\d.]+):(\d+): console ([^\s",]+), API docs ([^\s",]+)/.exec(
        started.output(),
      );
    if (line) return { host: line[1], port: Number(line[2]), console: line[3], docs: line[4] };
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no start-up line:\n${started.output()}`);
}

async function stop(started: Started): Promise<void> {
  // npm runs node under a shell: the whole process group gets the signal.
  const { child } = started;
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Gone meanwhile.
    }
  }
  await started.exited;
}

const BUILD_LINE = /> tessera@[\d.]+ build\b/;

describe('npm start, as the README runs it', () => {
  let db: IsolatedDatabase;
  let dir: string;
  const running: Started[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await isolatedDatabase();
    dir = mkdtempSync(join(tmpdir(), 'tessera-checkout-'));
    for (const entry of CHECKOUT) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    env = {
      DATABASE_URL: db.url,
      APP_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      POLICY_FILE: 'examples/projects/policy.json',
    };
  });
  afterAll(async () => {
    await Promise.all(running.map(stop));
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it("serves a module handed to createApp in src/main.ts (README: 'Add a Nest module to Tessera'), and says where", async () => {
    // The README's edit: import the module, hand it to createApp.
    const mainFile = join(dir, 'src', 'main.ts');
    const main = readFileSync(mainFile, 'utf8');
    const edited =
      "import { ProjectsModule } from '../examples/projects/projects.module.js';\n" +
      main.replace(
        'createApp(config, logger, { policy })',
        'createApp(config, logger, { policy, modules: [ProjectsModule] })',
      );
    expect(edited).toContain('modules: [ProjectsModule]');
    writeFileSync(mainFile, edited);

    const started = npmStart(dir, env);
    running.push(started);
    const where = await startLine(started);
    // The address really listened on (PORT=0: a port of its own), and the URLs on it.
    expect(where.host).toBe('127.0.0.1');
    expect(where.port).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${where.port}`;
    expect(where.console).toBe(`${base}/console/`);
    expect(where.docs).toBe(`${base}/docs`);
    expect((await fetch(where.console)).status).toBe(200);
    expect((await fetch(where.docs)).status).toBe(200);

    const api = new Api(base);
    const user = await newUser(api);
    const token = await createToken(api, user.accessToken, { scopes: ['projects:read'] });
    expect((await api.get('/api/v1/projects', { token: token.token })).status).toBe(200);
    const write = await api.post('/api/v1/projects', {
      token: token.token,
      body: { name: 'Apollo' },
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toContain('scope="projects:write"');
    await stop(started);
  }, 180_000);

  it('builds only when a source changed, and refuses a DATA_DIR in use before building', async () => {
    const built = join(dir, 'dist', '.built');
    const first = statSync(built).mtimeMs;

    // Nothing changed since the last build: no build, straight to the start.
    const again = npmStart(dir, env);
    running.push(again);
    await startLine(again);
    expect(again.output()).not.toMatch(BUILD_LINE);
    expect(statSync(built).mtimeMs).toBe(first);
    await stop(again);

    // A source changed, but DATA_DIR is held by a running Tessera (this test's own process
    // stands in for it): refused with 73 before any build.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src', 'main.ts'), later, later);
    const dataDir = join(dir, 'held');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'tessera.pid'), `${process.pid}\n`);
    const refused = npmStart(dir, { ...env, DATABASE_URL: '', DATA_DIR: dataDir });
    expect(await refused.exited).toBe(73);
    expect(refused.output()).toContain(
      `DATA_DIR ${dataDir} is in use by another Tessera process (pid ${process.pid})`,
    );
    expect(refused.output()).not.toMatch(BUILD_LINE);
    expect(statSync(built).mtimeMs).toBe(first);

    // With the folder free, the changed source is built, then the service starts.
    const rebuilt = npmStart(dir, env);
    running.push(rebuilt);
    await startLine(rebuilt);
    expect(rebuilt.output()).toMatch(BUILD_LINE);
    expect(statSync(built).mtimeMs).toBeGreaterThan(first);
    await stop(rebuilt);
  }, 180_000);
});
