import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  raw: string;
  body: any;
  /** The status this receiver answered. */
  status: number;
}

/**
 * A webhook receiver on loopback that keeps what it receives. It can answer with an error,
 * hold requests, or stop listening and start again on the same port (a receiver that is down).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Requests that arrived, answered yet or not. */
  arrived = 0;
  /** The status to answer with. */
  status = 204;
  /** Wait this long before answering; Infinity: never answer. */
  delayMs = 0;

  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();

  private constructor(private port: number) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0);
    await receiver.listen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/tessera`;
  }

  /** Listens (again) on its port. */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.arrived++;
        const raw = Buffer.concat(chunks).toString('utf8');
        const status = this.status;
        const answer = () => {
          this.held.delete(response);
          this.received.push({ headers: request.headers, raw, body: JSON.parse(raw), status });
          response.writeHead(status).end();
        };
        if (this.delayMs === 0) return answer();
        this.held.add(response);
        if (Number.isFinite(this.delayMs)) setTimeout(answer, this.delayMs);
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every connection: the port refuses connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    this.held.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Webhooks answered with 2xx. */
  accepted(): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.status < 300);
  }

  /** Accepted webhooks about a token (its `data.token.id`), or of a user. */
  about(filter: { tokenId?: string; userId?: string }): ReceivedWebhook[] {
    return this.accepted().filter(
      (hook) =>
        (filter.tokenId === undefined || hook.body.data.token.id === filter.tokenId) &&
        (filter.userId === undefined || hook.body.data.userId === filter.userId),
    );
  }

  /** Waits until `check` returns something truthy, and returns it. */
  async waitFor<T>(
    check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await check();
      if (result) return result;
      if (Date.now() > deadline) throw new Error('the expected webhooks did not arrive in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
