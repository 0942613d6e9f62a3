import { request } from 'node:http';

export interface AddressedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * Requests from a loopback address of their own (127.x.y.z): distinct clients as the service's
 * socket sees them, with no proxy header involved.
 */
export function clientAt(baseUrl: string, localAddress: string) {
  const send = (
    method: string,
    path: string,
    options: {
      body?: unknown;
      form?: Record<string, string>;
      token?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<AddressedResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    const url = new URL(path, baseUrl);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers,
          localAddress,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  return {
    get: (path: string, options?: Parameters<typeof send>[2]) => send('GET', path, options),
    post: (path: string, options?: Parameters<typeof send>[2]) => send('POST', path, options),
  };
}
