import http from 'node:http';
import type net from 'node:net';

/** Which handler the routing upstream ran for one request, and the headers it got. */
export interface RoutedRequest {
  /** The method after any override, as the framework's handler sees it. */
  readonly method: string;
  /** The path as routed: decoded and lower-cased, query dropped. */
  readonly route: string;
  /** The request line's target, as received. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

export interface RoutingUpstream {
  readonly url: string;
  /** Every request seen, oldest first. */
  readonly requests: RoutedRequest[];
  close(): Promise<void>;
}

const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

/**
 * An upstream that routes the way many frameworks do by default: paths ignore case (Express's
 * router, ASP.NET Core), and a method override wins over the request's own method (Express's
 * method-override middleware with headers and `?_method=`, Rails, Laravel, Symfony). It
 * answers 200 with the {@link RoutedRequest} as JSON, so a test can see which handler would run.
 */
export async function startRoutingUpstream(): Promise<RoutingUpstream> {
  const requests: RoutedRequest[] = [];
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://upstream');
    let method = request.method ?? 'GET';
    const override =
      OVERRIDE_HEADERS.map((name) => request.headers[name]).find((value) => value) ??
      target.searchParams.get('_method');
    if (method === 'POST' && typeof override === 'string' && override !== '') {
      method = override.toUpperCase();
    }
    const routed: RoutedRequest = {
      method,
      route: decodeURIComponent(target.pathname).toLowerCase(),
      url: request.url ?? '',
      headers: request.headers,
    };
    requests.push(routed);
    request.resume();
    request.once('end', () => {
      const body = JSON.stringify(routed);
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
