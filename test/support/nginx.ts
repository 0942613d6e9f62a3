import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accepts, freePort } from './network.js';
import { sleep } from './time.js';

// Kept here too for the specs and benches that import it from this file.
export { freePort };

/** The nginx config docs/guard-your-api.md links; the placeholders are filled in per run. */
export const FORWARD_AUTH_TEMPLATE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../deploy/nginx/tessera-forward-auth.conf',
);

/** The path Tessera answers forward auth on (see the contract). */
export const FORWARD_AUTH_PATH = '/api/v1/forward-auth';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary (NGINX_BIN, else the usual places, else PATH), or undefined. */
export function nginxBinary(): string | undefined {
  const configured = process.env.NGINX_BIN;
  if (configured) return configured;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

/**
 * Whether nginx is installed. Missing: under CI that fails the run (`.ci/run` installs it),
 * elsewhere the nginx tests are skipped with one line saying so.
 */
export function nginxAvailable(file: string): boolean {
  if (nginxBinary()) return true;
  const missing = 'No nginx installed (apt-get install -y nginx, or set NGINX_BIN)';
  if (process.env.CI === 'true') throw new Error(`${missing}: ${file} needs it under CI`);
  process.stdout.write(`${missing}: skipping ${file}\n`);
  return false;
}

export interface RunningNginx {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Its temporary directory: config, pid file, error log, temp paths. */
  readonly dir: string;
  /** The site config it runs (the template filled in, or the plain proxy). */
  readonly siteConfig: string;
  errorLog(): string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** Worker processes (default 1). */
  readonly workers?: number;
}

/**
 * Starts nginx with the forward-auth template: every request is first put to Tessera at
 * `forwardAuthUrl` (its origin, or the full `.../api/v1/forward-auth` URL), then proxied to
 * `upstreamUrl`. `headerPair: 'original'` runs the template as many hand-written configs are:
 * describing the request with the X-Original-* pair, and passing the client's X-Forwarded-*.
 */
export async function startForwardAuthNginx(
  options: {
    forwardAuthUrl: string;
    upstreamUrl: string;
    headerPair?: 'forwarded' | 'original';
  } & NginxOptions,
): Promise<RunningNginx> {
  const tessera = new URL(options.forwardAuthUrl);
  if (tessera.pathname !== '/' && tessera.pathname !== FORWARD_AUTH_PATH) {
    throw new Error(`forward auth must be at ${FORWARD_AUTH_PATH}, not ${tessera.pathname}`);
  }
  const shipped = readFileSync(FORWARD_AUTH_TEMPLATE, 'utf8');
  const template = options.headerPair === 'original' ? withOriginalPair(shipped) : shipped;
  return startNginx(
    (listen) =>
      fillTemplate(template, {
        LISTEN: listen,
        TESSERA_ADDRESS: hostPort(tessera),
        API_ADDRESS: hostPort(new URL(options.upstreamUrl)),
      }),
    options,
  );
}

/**
 * The template with the usual hand-written idiom for its question: `X-Original-Method` and
 * `X-Original-URI` set, nothing said about the client's X-Forwarded-Method and -Uri.
 */
function withOriginalPair(template: string): string {
  const edits: [string, string][] = [
    ['proxy_set_header X-Forwarded-Method $request_method;', ''],
    ['proxy_set_header X-Forwarded-Uri $request_uri;', ''],
    [
      'proxy_set_header X-Original-Method "";',
      'proxy_set_header X-Original-Method $request_method;',
    ],
    ['proxy_set_header X-Original-URI "";', 'proxy_set_header X-Original-URI $request_uri;'],
  ];
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the template has no line ${from}`);
    return text.replace(from, to);
  }, template);
}

/** Starts nginx proxying straight to `upstreamUrl`, no auth: the bench's baseline. */
export async function startPlainNginx(
  options: { upstreamUrl: string } & NginxOptions,
): Promise<RunningNginx> {
  const api = hostPort(new URL(options.upstreamUrl));
  return startNginx(
    (listen) => `upstream protected_api {
    server ${api};
    keepalive 32;
}

server {
    listen ${listen};

    location / {
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Connection "";
        proxy_http_version 1.1;
        proxy_pass http://protected_api;
    }
}
`,
    options,
  );
}

/** The load-balancer config docs/scaling.md links (round-robin over the instances). */
export const BALANCER_TEMPLATE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../deploy/nginx/tessera-upstream.conf',
);

/**
 * Starts nginx balancing round-robin over `upstreamUrls` (Tessera instances), with the
 * config docs/scaling.md links. Each answer says which instance gave it (`X-Upstream`).
 */
export async function startBalancingNginx(
  options: { upstreamUrls: string[] } & NginxOptions,
): Promise<RunningNginx> {
  const template = readFileSync(BALANCER_TEMPLATE, 'utf8');
  const servers = options.upstreamUrls.map((url) => `server ${hostPort(new URL(url))};`).join(' ');
  return startNginx(
    (listen) => fillTemplate(template, { LISTEN: listen, SERVERS: servers }),
    options,
  );
}

/** Replaces each `{{NAME}}`; a placeholder left without a value is an error. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {{${name}}}`);
    return value;
  });
}

async function startNginx(
  site: (listen: string) => string,
  options: NginxOptions,
  attempt = 1,
): Promise<RunningNginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tessera-nginx-'));
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, temp));
  }
  const siteConfig = site(`127.0.0.1:${port}`);
  writeFileSync(join(dir, 'site.conf'), siteConfig);
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir, options.workers ?? 1));
  const errorLogFile = join(dir, 'error.log');
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : '');

  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLogFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const ready = await Promise.race([
    listening(port).then(() => true),
    exited.then(() => false),
    sleep(10_000, { unref: true }).then(() => false),
  ]);
  if (!ready) {
    const detail = `${stderr}${errorLog()}`.trim();
    await stop(child, exited);
    rmSync(dir, { recursive: true, force: true });
    // Another process can take the port between choosing it and nginx binding it.
    if (/Address already in use/.test(detail) && attempt < 3) {
      return startNginx(site, options, attempt + 1);
    }
    throw new Error(`nginx did not start:\n${detail}`);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    siteConfig,
    errorLog,
    async stop() {
      await stop(child, exited);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A whole nginx.conf that touches nothing outside `dir` and stays in the foreground. */
function mainConfig(dir: string, workers: number): string {
  // As root, nginx would switch its workers to "nobody", who cannot use the temp directory.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
master_process on;
worker_processes ${workers};
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    client_body_temp_path ${join(dir, 'client_body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    include ${join(dir, 'site.conf')};
}
`;
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const gone = await Promise.race([
    exited.then(() => true),
    sleep(5_000, { unref: true }).then(() => false),
  ]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

async function listening(port: number): Promise<void> {
  for (;;) {
    if (await accepts(port)) return;
    await sleep(20, { unref: true });
  }
}

/** What the echo upstream saw of one request. */
export interface EchoedRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  /** Lower-case names, as node:http gives them. */
  readonly headers: http.IncomingHttpHeaders;
}

export interface EchoUpstream {
  readonly url: string;
  readonly port: number;
  /** Every request seen, oldest first. */
  readonly requests: EchoedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny upstream API on loopback: it answers every request with 200 and the request line and
 * headers as JSON (an {@link EchoedRequest}), and remembers them unless `record` is false
 * (a bench sends too many to keep).
 */
export async function startEchoUpstream({ record = true } = {}): Promise<EchoUpstream> {
  const requests: EchoedRequest[] = [];
  const server = http.createServer((request, response) => {
    const echoed: EchoedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      httpVersion: request.httpVersion,
      headers: request.headers,
    };
    if (record) requests.push(echoed);
    request.resume();
    request.once('end', () => {
      const body = JSON.stringify(echoed);
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
