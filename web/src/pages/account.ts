// #/account: the signed-in user's own password (the server's policy and reuse rule decide) and
// two-factor sign-in: a new secret shown as a QR code, stored once a code from the app matches.
import { encode } from 'uqr';
import { get, post, request } from '../api';
import { errorText, notice, pageTitle } from '../components';
import { field, h, replace } from '../dom';
import { t } from '../i18n';
import { navigate } from '../router';
import { currentUser, startSession } from '../session';
import type { SessionAnswer } from '../types';

const SVG = 'http://www.w3.org/2000/svg';

// The QR code of `text` as an SVG of dark modules (a quiet zone of 4 around them).
export function qrSvg(text: string, title: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  svg.appendChild(background);
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => { if (dark) path += `M${x} ${y}h1v1h-1z`; }));
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', path);
  modules.setAttribute('fill', '#000');
  svg.appendChild(modules);
  return svg;
}

async function refreshSession(): Promise<void> {
  startSession(await get<SessionAnswer>('/session'));
}

function passwordForm(): HTMLElement {
  const message = h('div', { 'aria-live': 'polite' });
  const current = h('input', { name: 'current_password', type: 'password', required: true,
    autocomplete: 'current-password' });
  const next = h('input', { name: 'new_password', type: 'password', required: true,
    autocomplete: 'new-password' });
  const again = h('input', { name: 'new_password_again', type: 'password', required: true,
    autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.change_password'));
  return h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      if (next.value !== again.value) {
        replace(message, notice('error', t('account.mismatch')));
        again.focus();
        return;
      }
      submit.disabled = true;
      try {
        await request('PUT', '/account/password',
          { current_password: current.value, new_password: next.value });
        current.value = next.value = again.value = '';
        await refreshSession();
        replace(message, notice('success', t('account.password_changed')));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h2', null, t('account.password')),
  h('p', { class: 'muted small' }, t('account.policy')),
  field(t('account.current'), current),
  field(t('account.new'), next),
  field(t('account.again'), again),
  message, submit);
}

function totpSection(): HTMLElement {
  const user = currentUser();
  const body = h('div');
  const section = h('section', { class: 'card' }, h('h2', null, t('account.totp')), body);
  const start = h('button', { type: 'button', 'data-testid': 'totp-start' },
    user?.totp_enabled ? t('account.totp_replace') : t('account.totp_start'));
  replace(body, h('p', null, user?.totp_enabled ? t('account.totp_on') : t('account.totp_off')),
    start, h('p', { class: 'muted small' }, t('account.no_recovery')));
  start.addEventListener('click', async () => {
    try {
      const fresh = await post<{ secret: string; uri: string }>('/account/totp/secret');
      replace(body, enrolForm(fresh.secret, fresh.uri));
    } catch (err) {
      replace(body, notice('error', errorText(err)));
    }
  });
  return section;
}

function enrolForm(secret: string, uri: string): HTMLElement {
  const message = h('div', { 'aria-live': 'polite' });
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code',
    pattern: '[0-9]{6}', maxlength: '6', required: true });
  return h('form', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        await post('/account/totp', { secret, code: code.value.trim() });
        await refreshSession();
        replace(message, notice('success', t('account.totp_done')));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  h('p', null, t('account.totp_scan')),
  h('div', { class: 'qr-box' }, qrSvg(uri, t('account.totp_qr'))),
  h('p', { class: 'small' }, t('account.totp_key'), ' ',
    h('code', { class: 'totp-secret', 'data-testid': 'totp-secret' }, secret)),
  field(t('account.totp_code'), code),
  message,
  h('button', { type: 'submit', class: 'primary' }, t('account.totp_confirm')));
}

export function renderAccount(view: HTMLElement): void {
  const user = currentUser();
  if (!user) {
    navigate('/login');
    return;
  }
  replace(view, pageTitle(t('account.title')),
    h('p', null, `${user.display_name || user.username} · ${user.unit.name}`),
    user.must_change_password ? notice('warning', t('account.must_change')) : null,
    h('div', { class: 'two' }, passwordForm(), totpSection()));
}
