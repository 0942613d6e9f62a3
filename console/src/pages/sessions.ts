import { api, dropAccessToken } from '../api.js';
import { h, status, table, when } from '../dom.js';
import type { Context, Session } from '../types.js';

/** The server names each device (from its user agent when the client named none). */
function deviceLabel(session: Pick<Session, 'deviceName'>): string {
  return session.deviceName ?? 'Unknown device';
}

export async function sessionsPage(ctx: Context): Promise<HTMLElement> {
  const outcome = status();
  const holder = h('div', {});
  const load = async () => {
    const sessions = await api<Session[]>('GET', '/sessions');
    const rows = sessions.map((session) => {
      const end = session.current
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': `End session on ${deviceLabel(session)}`,
            },
            'End',
          );
      if (end) {
        end.addEventListener('click', () => {
          end.disabled = true;
          api('DELETE', `/sessions/${session.id}`).then(
            () =>
              load().then(() => outcome.show('ok', `Session on ${deviceLabel(session)} ended.`)),
            (error: unknown) => {
              outcome.show('error', (error as Error).message);
              end.disabled = false;
            },
          );
        });
      }
      return h(
        'tr',
        { 'data-session-id': session.id, class: session.current ? 'current' : null },
        h(
          'th',
          { scope: 'row' },
          deviceLabel(session),
          session.current
            ? h('div', {}, h('span', { class: 'badge current' }, 'This device'))
            : null,
        ),
        h('td', {}, session.ip ?? '—'),
        h('td', {}, when(session.createdAt)),
        h('td', {}, when(session.lastUsedAt)),
        h('td', {}, when(session.expiresAt)),
        h('td', { class: 'actions' }, end),
      );
    });
    holder.replaceChildren(
      table('Your sessions', ['Device', 'Address', 'Signed in', 'Last active', 'Ends', ''], rows),
    );
  };
  const others = h(
    'button',
    { type: 'button', class: 'danger', id: 'end-others' },
    'End all other sessions',
  );
  others.addEventListener('click', () => {
    if (!confirm('Sign out every other device?')) return;
    api<{ revoked: number }>('DELETE', '/sessions?except=current').then(
      ({ revoked }) => {
        outcome.show('ok', `${revoked} other session${revoked === 1 ? '' : 's'} ended.`);
        void load();
      },
      (error: unknown) => {
        if ((error as { status?: number }).status === 401) {
          dropAccessToken();
          ctx.go('/sign-in');
        }
        outcome.show('error', (error as Error).message);
      },
    );
  });
  await load();
  return h(
    'div',
    {},
    h(
      'p',
      {},
      'Every device signed in to your account. API tokens are not sessions: they are listed under Tokens.',
    ),
    holder,
    h('p', {}, others),
    outcome,
  );
}
