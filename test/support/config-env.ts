import { ConfigError } from '../../src/common/config/env-reader.js';

/** Environments and a reader of refusals for the configuration's unit tests. */

/** An APP_SECRET long enough, fine outside production. */
export const SECRET = 'k'.repeat(40);

/** What production needs besides APP_SECRET: a way to mail reset links. */
export const PRODUCTION_MAIL = {
  SMTP_URL: 'smtps://relay:pw@smtp.example.test:465',
  MAIL_FROM: 'Tessera <no-reply@example.test>',
  PUBLIC_URL: 'https://app.example.test',
};

/** The problems `load` refuses `env` with; none when it loads. */
export function configProblems(
  load: (env: Record<string, string>) => unknown,
  env: Record<string, string>,
): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
