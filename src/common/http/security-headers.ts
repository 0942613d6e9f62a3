import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * helmet's headers, worked out once at start-up: they do not depend on the request, and
 * building them per request (parsing the CSP each time) cost a tenth of a simple request.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Served files only: an injected inline script cannot run (the OpenAPI UI at /docs loads
        // its start-up script as a file). The UI's page still carries inline styles.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Served over plain HTTP in development; a TLS-terminating proxy adds HSTS in production.
        upgradeInsecureRequests: null,
      },
    },
  })({} as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  return headers;
}
