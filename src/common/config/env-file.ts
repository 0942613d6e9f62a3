import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` from the folder the service is started in, when there is one, into
 * `process.env`. A variable already set in the environment wins over the file, so one
 * `VAR=… npm start` overrides it. Same file format as `node --env-file`; read here rather than
 * by a flag so that `node dist/main.js` and the CLI read it too. Returns the file read, if any.
 */
export function loadEnvFile(path = resolve('.env')): string | undefined {
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
}
