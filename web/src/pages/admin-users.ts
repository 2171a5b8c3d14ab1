// #/admin/users: the accounts of the administrator's subtree — list, add, change role or unit,
// disable/enable, reset the password (the temporary password is shown once). The server decides
// scope and writes the audit rows (docs/api.md, "Accounts").
import { get, patch, post } from '../api';
import { emptyRow, errorText, loading, notice, pageTitle, table, unitSelect } from '../components';
import { field, h, replace } from '../dom';
import { label, t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { currentUser } from '../session';
import type { User } from '../types';

const ROLES = ['viewer', 'specialist', 'manager', 'admin'];

function roleSelect(selected: string, name = 'role'): HTMLSelectElement {
  return h('select', { name },
    ROLES.map((r) => h('option', { value: r, selected: r === selected }, label('role', r))));
}

export async function renderAdminUsers(view: HTMLElement, match: RouteMatch): Promise<void> {
  const me = currentUser();
  if (me?.role !== 'admin') {
    replace(view, pageTitle(t('users.title')), notice('error', t('error.permission_denied')));
    return;
  }
  const unit = match.query.get('unit') ?? me.unit.code;
  const select = await unitSelect(unit);
  select.setAttribute('aria-label', t('common.unit'));
  select.addEventListener('change', () => navigate(link('/admin/users', { unit: select.value })));
  const message = h('div', { 'aria-live': 'polite' });
  const list = h('div', null, loading());
  replace(view, pageTitle(t('users.title')), h('div', { class: 'filters' }, select), message,
    await addUserForm(unit, message, () => void load()), list);

  async function load(): Promise<void> {
    try {
      const { users } = await get<{ users: User[] }>('/users', { unit });
      if (users.length === 0) {
        replace(list, emptyRow(t('users.none')));
        return;
      }
      replace(list, table([t('users.username'), t('users.display_name'), t('users.role'),
        t('common.unit'), t('common.status'), t('users.actions')],
      users.map((u) => userRow(u, message, () => void load())), t('users.list')));
    } catch (err) {
      replace(list, notice('error', errorText(err)));
    }
  }
  await load();
}

function statusText(u: User): string {
  const parts = [u.disabled ? t('users.disabled') : t('users.active')];
  if (u.must_change_password) parts.push(t('users.must_change'));
  if (u.totp_enabled) parts.push(t('users.totp_on'));
  return parts.join(' · ');
}

function userRow(u: User, message: HTMLElement, changed: () => void): (Node | string)[] {
  const self = u.username === currentUser()?.username;
  const act = async (work: () => Promise<string | null>) => {
    try {
      const text = await work();
      if (text !== null) replace(message, notice('success', text));
      changed();
    } catch (err) {
      replace(message, notice('error', errorText(err)));
    }
  };
  const base = `/users/${encodeURIComponent(u.username)}`;
  const actions = self ? h('span', { class: 'muted' }, t('users.self')) : h('div', { class: 'row-actions' },
    h('button', {
      type: 'button', 'data-testid': `edit-${u.username}`,
      onclick: () => void editDialog(u, message, changed),
    }, t('users.change')),
    h('button', {
      type: 'button', 'data-testid': `toggle-${u.username}`,
      onclick: () => void act(async () => {
        await post(`${base}/${u.disabled ? 'enable' : 'disable'}`);
        return u.disabled ? t('users.enabled_done', { name: u.username })
          : t('users.disabled_done', { name: u.username });
      }),
    }, u.disabled ? t('users.enable') : t('users.disable')),
    h('button', {
      type: 'button', 'data-testid': `reset-${u.username}`,
      onclick: () => void (async () => {
        if (!confirm(t('users.reset_confirm', { name: u.username }))) return;
        try {
          const answer = await post<{ temporary_password: string }>(`${base}/password-reset`);
          replace(message, notice('success', t('users.reset_done', { name: u.username }), ' ',
            h('code', { class: 'temporary-password', 'data-testid': 'temporary-password' },
              answer.temporary_password), ' ', t('users.reset_once')));
          changed();
        } catch (err) {
          replace(message, notice('error', errorText(err)));
        }
      })(),
    }, t('users.reset')));
  return [u.username, u.display_name, label('role', u.role), `${u.unit.name} (${u.unit.code})`,
    statusText(u), actions];
}

async function editDialog(u: User, message: HTMLElement, changed: () => void): Promise<void> {
  const role = roleSelect(u.role);
  const unit = await unitSelect(u.unit.code, 'unit_code');
  const dialog = h('dialog', { class: 'card edit-user', 'aria-label': t('users.change') });
  const close = () => { dialog.close(); dialog.remove(); };
  replace(dialog, h('form', {
    method: 'dialog',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        await patch(`/users/${encodeURIComponent(u.username)}`,
          { role: role.value, unit_code: unit.value });
        replace(message, notice('success', t('users.changed_done', { name: u.username })));
        close();
        changed();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
        close();
      }
    },
  },
  h('h2', null, `${t('users.change')}: ${u.username}`),
  field(t('users.role'), role),
  field(t('common.unit'), unit),
  h('div', { class: 'form-actions' },
    h('button', { type: 'button', onclick: close }, t('common.cancel')),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')))));
  document.body.appendChild(dialog);
  dialog.showModal();
}

async function addUserForm(unit: string, message: HTMLElement, added: () => void):
  Promise<HTMLElement> {
  const username = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const displayName = h('input', { name: 'display_name', autocomplete: 'off' });
  const unitChoice = await unitSelect(unit, 'unit_code');
  const role = roleSelect('specialist');
  const password = h('input', {
    name: 'password', type: 'password', required: true, autocomplete: 'new-password',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('users.add'));
  return h('details', { class: 'card' },
    h('summary', null, t('users.new')),
    h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        submit.disabled = true;
        try {
          await post('/users', {
            username: username.value.trim(), display_name: displayName.value.trim(),
            unit_code: unitChoice.value, role: role.value, password: password.value,
          });
          replace(message, notice('success', t('users.added', { name: username.value.trim() })));
          username.value = '';
          displayName.value = '';
          password.value = '';
          added();
        } catch (err) {
          replace(message, notice('error', errorText(err)));
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('div', { class: 'grid-form' },
      field(t('users.username'), username, t('users.username_hint')),
      field(t('users.display_name'), displayName),
      field(t('common.unit'), unitChoice),
      field(t('users.role'), role),
      field(t('users.initial_password'), password, t('users.initial_password_hint'))),
    submit));
}
