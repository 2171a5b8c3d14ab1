// Login: username and password; a TOTP code field appears when the server answers
// totp_required. The password lives only in the form field and is cleared after each try.
import { ApiError, post } from '../api';
import { errorText, notice } from '../components';
import { field, h, replace } from '../dom';
import { lang, setLang, t } from '../i18n';
import { navigate, type RouteMatch } from '../router';
import { currentUser, startSession } from '../session';
import type { SessionAnswer } from '../types';

export function renderLogin(view: HTMLElement, match: RouteMatch): void {
  const next = match.query.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('/login') ? next : '/';
  if (currentUser()) {
    navigate(target);
    return;
  }
  document.title = `${t('login.title')} · lienthong`;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const totp = h('input', {
    name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}',
    maxlength: '6',
  });
  const totpField = field(t('login.totp'), totp, t('login.totp_hint'));
  totpField.hidden = true;
  const message = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  if (match.query.get('expired')) replace(message, notice('info', t('login.expired')));

  const form = h('form', {
    class: 'login-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      submit.disabled = true;
      replace(message);
      const body: Record<string, string> = {
        username: username.value.trim(), password: password.value,
      };
      if (!totpField.hidden && totp.value.trim()) body.totp = totp.value.trim();
      try {
        startSession(await post<SessionAnswer>('/session', body, { allowUnauthenticated: true }));
        password.value = '';
        navigate(target);
      } catch (err) {
        submit.disabled = false;
        if (err instanceof ApiError && err.code === 'totp_required') {
          const first = totpField.hidden;
          totpField.hidden = false;
          replace(message, notice(first ? 'info' : 'error',
            first ? t('login.totp_needed') : t('login.totp_wrong')));
          totp.value = '';
          totp.focus();
          return;
        }
        password.value = '';
        if (err instanceof ApiError && err.code === 'locked') {
          replace(message, notice('error', t('login.locked', { s: err.retryAfter ?? '…' })));
        } else if (err instanceof ApiError && err.code === 'rate_limited') {
          replace(message, notice('error', t('error.rate_limited')));
        } else if (err instanceof ApiError && err.code === 'unauthenticated') {
          replace(message, notice('error', t('login.wrong')));
        } else {
          replace(message, notice('error', errorText(err)));
        }
        password.focus();
      }
    },
  },
  field(t('login.username'), username),
  field(t('login.password'), password),
  totpField,
  message,
  submit);

  replace(view,
    h('section', { class: 'login-card' },
      h('p', { class: 'brand-big' }, 'liên thông'),
      h('h1', null, t('login.title')),
      form,
      h('p', { class: 'lang-line' },
        h('button', {
          type: 'button', class: 'link-button', 'data-testid': 'lang-switch',
          onclick: () => {
            setLang(lang() === 'vi' ? 'en' : 'vi');
            renderLogin(view, match);
          },
        }, lang() === 'vi' ? 'English' : 'Tiếng Việt'))));
  username.focus();
}
