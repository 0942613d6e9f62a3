import net from 'node:net';

/**
 * A TCP forwarder on loopback that a test can stop, start again (on the same port) and use to
 * cut every connection: a Redis or PostgreSQL outage as the service sees it, without touching
 * the real server that other test runs share.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly frozen = new Set<net.Socket>();
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const { hostname, port } = new URL(target);
    const proxy = new TcpProxy(hostname || '127.0.0.1', Number(port));
    await proxy.resume();
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const rewritten = new URL(url);
    rewritten.hostname = '127.0.0.1';
    rewritten.port = String(this.port);
    return rewritten.toString();
  }

  /** Listens again (on the same port once it had one) and forwards new connections. */
  async resume(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      // By hand rather than pipe(): a frozen connection drops what it is given.
      client.on('data', (data) => this.frozen.has(client) || upstream.write(data));
      upstream.on('data', (data) => this.frozen.has(client) || client.write(data));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Destroys every open connection; new ones are still accepted. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /**
   * The open connections stop carrying data without closing, as over a dropped route or to a
   * hung server: what is sent is lost. New connections go through.
   */
  freeze(): void {
    for (const socket of this.sockets) this.frozen.add(socket);
  }

  /** Refuses new connections and cuts the open ones: the server is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.cut();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
