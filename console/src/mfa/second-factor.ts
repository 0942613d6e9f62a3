import { startAuthentication } from '@simplewebauthn/browser';
import { ApiFailure, completeSignIn, type MfaChallenge } from '../api.js';
import { field, h, status } from '../dom.js';
import { passkeyOptions } from './passkey-ceremony.js';

/**
 * The second step of a sign-in: a code from the authenticator app, a passkey, or a recovery
 * code, whichever the account has. Replaces the password form in place.
 */
export function secondFactorForm(
  challenge: MfaChallenge,
  done: () => Promise<void> | void,
): HTMLElement {
  const outcome = status();
  const code = h('input', {
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9 ]{6,7}',
    maxlength: 7,
  });
  const recovery = h('input', { name: 'recovery-code', autocomplete: 'off', maxlength: 32 });
  const verify = h('button', { type: 'submit' }, 'Verify');
  const passkey = h('button', { type: 'button', class: 'secondary' }, 'Use a passkey');
  const useRecovery = h('button', { type: 'button', class: 'link' }, 'Use a recovery code');
  const codeField = field(
    'Authentication code',
    code,
    'The 6 digits your authenticator app shows.',
  );
  const recoveryField = field(
    'Recovery code',
    recovery,
    'One of the codes you saved, such as abcde-fghjk.',
  );
  recoveryField.hidden = true;

  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'second-factor-title' },
    h('h1', { id: 'second-factor-title', tabindex: -1 }, 'Two-step verification'),
    challenge.methods.includes('totp') ? codeField : null,
    recoveryField,
    challenge.methods.includes('totp') ? verify : null,
    challenge.methods.includes('passkey') ? passkey : null,
    outcome,
    challenge.methods.includes('recovery') ? h('p', {}, useRecovery) : null,
  );
  const finish = (body: Record<string, unknown>) =>
    completeSignIn('mfa/verify', { mfaToken: challenge.mfaToken, ...body })
      .then(() => done())
      .catch((error: unknown) => {
        const dead = error instanceof ApiFailure && /mfaToken/.test(error.message);
        outcome.show(
          'error',
          dead ? 'This sign-in expired: start again.' : (error as Error).message,
        );
      });

  useRecovery.addEventListener('click', () => {
    codeField.hidden = true;
    recoveryField.hidden = false;
    if (!verify.isConnected) recoveryField.after(verify);
    recovery.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    verify.disabled = true;
    const body = recoveryField.hidden ? { code: code.value } : { recoveryCode: recovery.value };
    void finish(body).finally(() => (verify.disabled = false));
  });
  passkey.addEventListener('click', () => {
    passkey.disabled = true;
    passkeyOptions('/auth/mfa/passkey/options', { mfaToken: challenge.mfaToken })
      .then((optionsJSON) => startAuthentication({ optionsJSON }))
      .then((credential) => finish({ passkey: credential }))
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (passkey.disabled = false));
  });
  queueMicrotask(() => (challenge.methods.includes('totp') ? code : passkey).focus());
  return form;
}

/** "Use a passkey instead" under the password form: no email, no password. */
export function passkeySignInButton(done: () => Promise<void> | void): HTMLElement {
  const outcome = status();
  const button = h('button', { type: 'button', class: 'secondary' }, 'Use a passkey instead');
  button.addEventListener('click', () => {
    button.disabled = true;
    passkeyOptions('/auth/passkey/options')
      .then((optionsJSON) => startAuthentication({ optionsJSON }))
      .then((credential) => completeSignIn('passkey/login', { passkey: credential }))
      .then(() => done())
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (button.disabled = false));
  });
  return h('div', { class: 'passkey-sign-in' }, button, outcome);
}
