import type { Decision, TesseraPrincipal } from './decision.js';
import { judge, type GuardOptions } from './guard.js';

/** The parts of an Express request the middleware reads (Express 4 and 5). */
export interface ExpressLikeRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  params?: Record<string, unknown>;
  tessera?: TesseraPrincipal;
}

export interface ExpressLikeResponse {
  status(code: number): this;
  set(headers: Record<string, string>): this;
  json(body: unknown): unknown;
}

export type TesseraExpressOptions = GuardOptions;

/**
 * Express middleware: lets a request through with its principal on `req.tessera`, or answers
 * 401, 403, 429 (or 503 when Tessera cannot be asked) as Tessera itself would. Mount it on the
 * route (not with `app.use`) when it uses `org`, so that `req.params` holds the org.
 */
export function tessera(options: TesseraExpressOptions) {
  return (req: ExpressLikeRequest, res: ExpressLikeResponse, next: (error?: unknown) => void) => {
    judge(options, req.headers.authorization, req.ip, req.params)
      .then((decision: Decision) => {
        res.set(decision.headers);
        if (decision.allowed) {
          req.tessera = decision.principal;
          next();
        } else {
          res.status(decision.status).json(decision.body);
        }
      })
      // What fails while answering goes to Express's error handling, never unhandled.
      .catch(next);
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who called: Tessera's verification of the request's credential. */
      tessera?: TesseraPrincipal;
    }
  }
}

export type { TesseraPrincipal } from './decision.js';
