import { startRegistration } from '@simplewebauthn/browser';
import { api } from '../api.js';
import { field, h, status, table, when } from '../dom.js';
import { registrationOptions } from '../mfa/passkey-ceremony.js';

interface Enrolled {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Second factors: an authenticator app (TOTP) with recovery codes, and passkeys. */
export async function securityPage(): Promise<HTMLElement> {
  const page = h('div', { class: 'security' });
  const reload = async () => {
    const [enrolled, passkeys] = await Promise.all([
      api<Enrolled>('GET', '/auth/mfa'),
      api<PasskeyView[]>('GET', '/auth/mfa/passkeys'),
    ]);
    page.replaceChildren(totpSection(enrolled, reload), passkeySection(passkeys, reload));
  };
  await reload();
  return page;
}

function totpSection(enrolled: Enrolled, reload: () => Promise<void>): HTMLElement {
  const outcome = status();
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'totp-title' },
    h('h2', { id: 'totp-title' }, 'Authenticator app'),
  );
  if (enrolled.totp) {
    const disable = h('button', { type: 'button', class: 'secondary' }, 'Turn off');
    disable.addEventListener('click', () => {
      disable.disabled = true;
      api('DELETE', '/auth/mfa/totp')
        .then(reload)
        .catch((error: unknown) => outcome.show('error', (error as Error).message))
        .finally(() => (disable.disabled = false));
    });
    section.append(
      h('p', {}, 'On. Signing in asks for a code from your app.'),
      h('p', {}, `Recovery codes left: ${enrolled.recoveryCodesLeft}`),
      disable,
      outcome,
    );
    return section;
  }
  const start = h('button', { type: 'button' }, 'Set up an authenticator app');
  start.addEventListener('click', () => {
    start.disabled = true;
    api<{ secret: string; otpauthUri: string; qrSvg: string }>('POST', '/auth/mfa/totp')
      .then((setup) => section.replaceChildren(enrolment(setup, reload)))
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (start.disabled = false));
  });
  section.append(
    h('p', {}, 'Off. Add a code from an app on your phone to every sign-in.'),
    start,
    outcome,
  );
  return section;
}

/** Scan, type the first code, then see the recovery codes (once). */
function enrolment(
  setup: { secret: string; otpauthUri: string; qrSvg: string },
  reload: () => Promise<void>,
): HTMLElement {
  const outcome = status();
  const code = h('input', {
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: 7,
    required: true,
  });
  const qr = h('img', {
    class: 'qr',
    alt: 'QR code to scan with your authenticator app',
    width: 200,
    height: 200,
    src: `data:image/svg+xml;base64,${btoa(setup.qrSvg)}`,
  });
  const confirm = h('button', { type: 'submit' }, 'Turn on');
  const form = h(
    'form',
    { class: 'enrol' },
    h('h2', { id: 'totp-title' }, 'Authenticator app'),
    h('p', {}, '1. Scan this code with your authenticator app.'),
    qr,
    h(
      'p',
      {},
      'Cannot scan? Type this key: ',
      h('code', { id: 'totp-secret' }, setup.secret.replace(/(.{4})/g, '$1 ').trim()),
    ),
    field('2. Code from the app', code, 'The 6 digits it shows now.'),
    confirm,
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    confirm.disabled = true;
    api<{ recoveryCodes: string[] }>('POST', '/auth/mfa/totp/confirm', { code: code.value })
      .then(({ recoveryCodes }) => form.replaceWith(recoveryCodesView(recoveryCodes, reload)))
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (confirm.disabled = false));
  });
  return form;
}

function recoveryCodesView(codes: string[], reload: () => Promise<void>): HTMLElement {
  const text = codes.join('\n');
  const outcome = status();
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  copy.addEventListener('click', () => {
    navigator.clipboard
      .writeText(text)
      .then(() => outcome.show('ok', 'Copied.'))
      .catch(() => outcome.show('error', 'Copy failed: select the codes and copy them.'));
  });
  const download = h(
    'a',
    {
      class: 'button secondary',
      download: 'tessera-recovery-codes.txt',
      href: URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' })),
    },
    'Download',
  );
  const done = h('button', { type: 'button' }, 'I saved them');
  done.addEventListener('click', () => void reload());
  return h(
    'div',
    { class: 'recovery-codes' },
    h('h2', { id: 'totp-title' }, 'Authenticator app is on'),
    h(
      'p',
      {},
      'Save these recovery codes somewhere safe. Each signs you in once if you lose your phone. You will not see them again.',
    ),
    h('pre', { id: 'recovery-codes', tabindex: 0 }, text),
    h('div', { class: 'actions' }, copy, download, done),
    outcome,
  );
}

function passkeySection(passkeys: PasskeyView[], reload: () => Promise<void>): HTMLElement {
  const outcome = status();
  const name = h('input', { name: 'passkey-name', maxlength: 100, required: true, value: '' });
  const add = h('button', { type: 'submit' }, 'Add a passkey');
  const form = h(
    'form',
    { class: 'inline' },
    field('Passkey name', name, 'Such as “Laptop”.'),
    add,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    add.disabled = true;
    registrationOptions()
      .then((optionsJSON) => startRegistration({ optionsJSON }))
      .then((credential) =>
        api('POST', '/auth/mfa/passkeys', { credential, name: name.value.trim() || 'Passkey' }),
      )
      .then(reload)
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (add.disabled = false));
  });
  const rows = passkeys.map((key) => {
    const remove = h('button', { type: 'button', class: 'secondary' }, 'Remove');
    remove.addEventListener('click', () => {
      remove.disabled = true;
      api('DELETE', `/auth/mfa/passkeys/${key.id}`)
        .then(reload)
        .catch((error: unknown) => outcome.show('error', (error as Error).message))
        .finally(() => (remove.disabled = false));
    });
    return h(
      'tr',
      {},
      h('td', {}, key.name),
      h('td', {}, when(key.createdAt)),
      h('td', {}, when(key.lastUsedAt, 'never')),
      h('td', {}, remove),
    );
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'passkeys-title' },
    h('h2', { id: 'passkeys-title' }, 'Passkeys'),
    h(
      'p',
      {},
      'Sign in with your fingerprint, face or device PIN, with or instead of your password.',
    ),
    rows.length > 0 ? table('Passkeys', ['Name', 'Added', 'Last used', ''], rows) : null,
    form,
    outcome,
  );
}
