import express from 'express';
import type { TesseraClient } from '@tessera/client';
import { tessera } from '@tessera/client/express';

/** A projects API in Express, guarded by Tessera. */
export function projectsApi(client: TesseraClient): express.Express {
  const app = express();
  // Behind a proxy, name it so that req.ip (the address Tessera checks) is the client's.
  app.set('trust proxy', 'loopback');

  app.get('/projects', tessera({ client, scopes: ['projects:read'] }), (req, res) => {
    res.json({ owner: req.tessera?.userId ?? req.tessera?.orgId, projects: [] });
  });

  // An organization's route: a member of the org in :org (id or slug), or an org token of it.
  const orgAdmins = tessera({
    client,
    scopes: ['projects:write'],
    org: { param: 'org', role: 'admin' },
  });
  app.post('/orgs/:org/projects', orgAdmins, (req, res) => {
    res.status(201).json({ org: req.tessera?.org });
  });
  return app;
}
