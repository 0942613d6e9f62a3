import { testDatabaseUrl } from './database.js';
import { TcpProxy } from './tcp-proxy.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface AppBehindDatabaseProxy {
  /** Between the app and PostgreSQL: `stop()` cuts the database off, `resume()` brings it back. */
  proxy: TcpProxy;
  t: TestApp;
  /** Resumes the proxy, closes the app, then stops the proxy. */
  close: () => Promise<void>;
}

/** The app on the run's database through a proxy the test can cut, for database faults. */
export async function startAppBehindDatabaseProxy(
  env: Record<string, string> = {},
): Promise<AppBehindDatabaseProxy> {
  const proxy = await TcpProxy.start(testDatabaseUrl());
  let t: TestApp;
  try {
    t = await startTestApp({ DATABASE_URL: proxy.rewrite(testDatabaseUrl()), ...env });
  } catch (error) {
    await proxy.stop();
    throw error;
  }
  return {
    proxy,
    t,
    close: async () => {
      await proxy.resume();
      await t.close();
      await proxy.stop();
    },
  };
}
