import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { change } from '../../src/database/returning.js';
import type { Api, TestApp } from './test-app.js';

const PERIOD_MS = 30_000;

/** The TOTP code of the step `offset` steps from now (as an authenticator app computes it). */
export function totpCode(secret: string, offset = 0, nowMs = Date.now()): string {
  return generateSync({
    strategy: 'totp',
    secret,
    epoch: Math.floor((nowMs + offset * PERIOD_MS) / 1000),
  });
}

/**
 * Waits, when the current 30 s step ends within `marginMs`, for the next one: a test that
 * computes a code and sends it must not see the step change in between.
 */
export async function awayFromStepEdge(marginMs = 3_000): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/**
 * Enables TOTP for a signed-in user: confirmed with the code of the previous step, so that the
 * current and the next step are left for the test.
 */
export async function enableTotp(
  api: Api,
  accessToken: string,
): Promise<{ secret: string; recoveryCodes: string[]; otpauthUri: string; qrSvg: string }> {
  await awayFromStepEdge();
  const setup = await api.post('/api/v1/auth/mfa/totp', { token: accessToken });
  if (setup.status !== 200) throw new Error(`TOTP set-up failed: ${setup.text}`);
  const confirm = await api.post('/api/v1/auth/mfa/totp/confirm', {
    token: accessToken,
    body: { code: totpCode(setup.body.secret, -1) },
  });
  if (confirm.status !== 200) throw new Error(`TOTP confirm failed: ${confirm.text}`);
  return { ...setup.body, recoveryCodes: confirm.body.recoveryCodes };
}

/**
 * Moves a session's last proof of identity into the past (the app must not cache sessions).
 * @throws when no live session has that id: a test would otherwise wait for a step-up that
 * never comes.
 */
export async function ageAuthTime(t: TestApp, sessionId: string, seconds: number): Promise<void> {
  await ageWhere(t, 'id = $1', sessionId, seconds, `session ${sessionId}`);
}

/**
 * {@link ageAuthTime} for every live session of a user: one signed in in a browser, whose
 * session id and cookies the test leaves alone.
 */
export async function ageUserAuthTime(t: TestApp, userId: string, seconds: number): Promise<void> {
  await ageWhere(t, 'user_id = $1', userId, seconds, `the sessions of user ${userId}`);
}

async function ageWhere(
  t: TestApp,
  where: string,
  key: string,
  seconds: number,
  what: string,
): Promise<void> {
  const { rows } = await change(
    t.app.get(DataSource).manager,
    `UPDATE sessions SET auth_time = now() - make_interval(secs => $2)
      WHERE ${where} AND revoked_at IS NULL RETURNING id`,
    [key, seconds],
  );
  if (rows.length === 0) throw new Error(`ageing the auth time: no live row for ${what}`);
}

/** The first step of a login of a user with a second factor. */
export async function mfaToken(api: Api, email: string, password: string): Promise<string> {
  const res = await api.post('/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200 || !res.body.mfaRequired) throw new Error(`no MFA challenge: ${res.text}`);
  return res.body.mfaToken as string;
}
