import { api } from '../api.js';
import { field, h, reloadThenShow, status, table, when } from '../dom.js';
import type { Context, Invitation, Member, Org, OrgRole } from '../types.js';

const ROLES: OrgRole[] = ['member', 'admin', 'owner'];
const RANK: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };

/** Whether a member of role `actor` may give or take `role` (admins up to admin). */
const mayManage = (actor: OrgRole, role: OrgRole) =>
  actor === 'owner' || (actor === 'admin' && role !== 'owner');

/** The members of an organization: their roles changed, removed, or the caller leaving. */
export function membersSection(org: Org, ctx: Context): HTMLElement {
  const base = `/orgs/${org.id}/members`;
  const outcome = status();
  const list = h('div', {});
  const load = async () => {
    const members = (await api<{ items: Member[] }>('GET', base)).items;
    const rows = members.map((member) => memberRow(member, org, ctx, base, done));
    list.replaceChildren(table('Members', ['Member', 'Role', 'Joined', 'Actions'], rows));
  };
  const done = reloadThenShow(outcome, load);
  void load().catch((error: unknown) => outcome.show('error', (error as Error).message));
  return h(
    'section',
    { 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    outcome,
    list,
  );
}

function memberRow(
  member: Member,
  org: Org,
  ctx: Context,
  base: string,
  done: (message: string) => void,
): HTMLTableRowElement {
  const self = member.userId === ctx.user.id;
  const who = member.name ?? member.email;
  const fail = (button: HTMLButtonElement) => (error: unknown) => {
    alert((error as Error).message);
    button.disabled = false;
  };
  const actions = h('td', { class: 'actions' });
  let role: HTMLElement = h('span', { class: 'badge' }, member.role);
  if (!self && mayManage(org.role, member.role)) {
    const select = h(
      'select',
      { name: 'role', 'aria-label': `Role of ${who}` },
      ROLES.filter((r) => mayManage(org.role, r)).map((r) =>
        h('option', { value: r, selected: r === member.role }, r),
      ),
    );
    const save = h('button', { type: 'submit', class: 'secondary' }, 'Change role');
    const form = h('form', { class: 'inline' }, select, save);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save.disabled = true;
      api('PATCH', `${base}/${member.userId}`, { role: select.value }).then(
        () => done(`${who} is now ${select.value}.`),
        fail(save),
      );
    });
    role = form;
    const remove = h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Remove ${who}` },
      'Remove',
    );
    remove.addEventListener('click', () => {
      if (!confirm(`Remove ${who} from ${org.name}? They lose its rights at once.`)) return;
      remove.disabled = true;
      api('DELETE', `${base}/${member.userId}`).then(
        () => done(`${who} was removed from ${org.name}.`),
        fail(remove),
      );
    });
    actions.append(remove);
  }
  if (self) {
    const leave = h('button', { type: 'button', class: 'danger' }, 'Leave');
    leave.addEventListener('click', () => {
      if (!confirm(`Leave ${org.name}? You lose its rights at once.`)) return;
      leave.disabled = true;
      api('DELETE', `${base}/${member.userId}`).then(() => ctx.go('/orgs'), fail(leave));
    });
    actions.append(leave);
  }
  return h(
    'tr',
    { 'data-user-id': member.userId },
    h(
      'th',
      { scope: 'row' },
      who,
      member.name ? h('div', { class: 'hint' }, member.email) : null,
      self ? h('div', { class: 'hint' }, '(you)') : null,
    ),
    h('td', {}, role),
    h('td', {}, when(member.joinedAt)),
    actions,
  );
}

/** Invitations of an organization (admins): sent by mail, listed and withdrawn. */
export function invitationsSection(org: Org): HTMLElement {
  const base = `/orgs/${org.id}/invitations`;
  const outcome = status();
  const list = h('div', {});
  const load = async () => {
    const items = (await api<{ items: Invitation[] }>('GET', base)).items;
    const rows = items.map((invitation) => {
      const withdraw = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': `Withdraw the invitation of ${invitation.email}`,
        },
        'Withdraw',
      );
      withdraw.addEventListener('click', () => {
        withdraw.disabled = true;
        api('DELETE', `${base}/${invitation.id}`).then(
          () =>
            done(`The invitation of ${invitation.email} was withdrawn: its link no longer works.`),
          (error: unknown) => {
            alert((error as Error).message);
            withdraw.disabled = false;
          },
        );
      });
      return h(
        'tr',
        { 'data-invitation-id': invitation.id },
        h('th', { scope: 'row' }, invitation.email),
        h('td', {}, h('span', { class: 'badge' }, invitation.role)),
        h('td', {}, when(invitation.expiresAt)),
        h('td', { class: 'actions' }, withdraw),
      );
    });
    list.replaceChildren(
      rows.length === 0
        ? h('p', {}, 'No pending invitations.')
        : table('Pending invitations', ['Email', 'Role', 'Expires', 'Actions'], rows),
    );
  };
  const done = reloadThenShow(outcome, load);
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
  const role = h(
    'select',
    { name: 'role' },
    ROLES.filter((r) => RANK[r] <= RANK[org.role] && mayManage(org.role, r)).map((r) =>
      h('option', { value: r }, r),
    ),
  );
  const submit = h('button', { type: 'submit' }, 'Invite');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'invite-title' },
    h('h3', { id: 'invite-title' }, 'Invite someone'),
    field('Email', email, 'They get a mail with a link, valid for a few days.'),
    field('Role', role),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    api<Invitation>('POST', base, { email: email.value, role: role.value })
      .then((sent) => {
        form.reset();
        done(`Invitation sent to ${sent.email}.`);
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  void load().catch((error: unknown) => outcome.show('error', (error as Error).message));
  return h(
    'section',
    { 'aria-labelledby': 'invitations-title' },
    h('h2', { id: 'invitations-title' }, 'Invitations'),
    form,
    outcome,
    list,
  );
}
