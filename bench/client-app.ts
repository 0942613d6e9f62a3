/**
 * The small Express app of the client bench (bench/client.ts), in a process of its own:
 * `GET /projects` with no auth (MODE=none), or guarded by `@tessera/client`'s middleware with
 * the cache off (MODE=guarded) or on (MODE=cached). `GET /cache` says whether the cache serves.
 */
import express from 'express';
import { TesseraClient } from '../packages/client/src/index.js';
import { tessera } from '../packages/client/src/express.js';

const mode = process.env.MODE ?? 'none';
const client = new TesseraClient({
  baseUrl: process.env.TESSERA_URL ?? 'http://127.0.0.1:3000',
  token: process.env.TESSERA_TOKEN ?? 'unset',
  cacheSeconds: mode === 'cached' ? 60 : 0,
});
let cacheReady = false;
void client.cacheReady().then(() => (cacheReady = mode === 'cached'));

const app = express();
app.set('etag', false);
app.get('/cache', (_req, res) => {
  res.json({ ready: cacheReady });
});
const handlers: express.RequestHandler[] =
  mode === 'none' ? [] : [tessera({ client, scopes: ['tokens:read'] })];
app.get('/projects', ...handlers, (req, res) => {
  res.json({ owner: req.tessera?.userId ?? null, projects: [] });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
