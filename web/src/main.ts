// Entry point: the page shell (header, navigation, search box, language switch, user menu),
// the session probe and the routes.
import './style.css';
import { del, get, setUnauthenticatedHandler } from './api';
import { h, replace } from './dom';
import { lang, setLang, t } from './i18n';
import { currentPath, link, navigate, resolve, route } from './router';
import { currentUser, endSession, startSession } from './session';
import type { SessionAnswer } from './types';
import { renderLogin } from './pages/login';
import { renderUnits } from './pages/units';
import { renderPlans } from './pages/plans';
import { renderPlanEdit } from './pages/plan-edit';
import { renderPlanDetail } from './pages/plan-detail';
import { renderImport } from './pages/plan-import';
import { renderTasks } from './pages/tasks';
import { renderActivities } from './pages/activities';
import { renderDashboard } from './pages/dashboard';
import { renderSearch } from './pages/search';
import { renderAdminUsers } from './pages/admin-users';
import { renderAdminAudit } from './pages/admin-audit';
import { renderAdminUnits } from './pages/admin-units';
import { renderAccount } from './pages/account';
import { renderReports } from './pages/reports';
import { renderReportDetail } from './pages/report-detail';
import { renderRollup } from './pages/rollup';
import { notice } from './components';

route(/^\/login$/, renderLogin, true);
route(/^\/$/, renderDashboard);
route(/^\/dashboard$/, renderDashboard);
route(/^\/units$/, renderUnits);
route(/^\/plans$/, renderPlans);
route(/^\/plans\/import$/, renderImport);
route(/^\/plans\/(\d+)$/, renderPlanDetail);
route(/^\/plans\/(\d+)\/edit$/, renderPlanEdit);
route(/^\/tasks$/, renderTasks);
route(/^\/activities$/, renderActivities);
route(/^\/search$/, renderSearch);
route(/^\/admin\/users$/, renderAdminUsers);
route(/^\/admin\/audit$/, renderAdminAudit);
route(/^\/admin\/units$/, renderAdminUnits);
route(/^\/account$/, renderAccount);
route(/^\/reports$/, renderReports);
route(/^\/reports\/(\d+)$/, renderReportDetail);
route(/^\/reports\/(slot)\/(\d+)$/, renderReportDetail);
route(/^\/rollup$/, renderRollup);

const root = document.getElementById('app') as HTMLElement;

const NAV: { path: string; key: Parameters<typeof t>[0] }[] = [
  { path: '/dashboard', key: 'nav.dashboard' },
  { path: '/plans', key: 'nav.plans' },
  { path: '/tasks', key: 'nav.tasks' },
  { path: '/activities', key: 'nav.activities' },
  { path: '/reports', key: 'nav.reports' },
  { path: '/rollup', key: 'nav.rollup' },
  { path: '/units', key: 'nav.units' },
];
// Administrators also see the account pages.
const ADMIN_NAV: typeof NAV = [
  { path: '/admin/users', key: 'nav.users' },
  { path: '/admin/units', key: 'nav.unit_admin' },
  { path: '/admin/audit', key: 'nav.audit' },
];

function header(path: string): HTMLElement {
  const user = currentUser();
  const menuId = 'main-menu';
  const toggle = h('button', {
    class: 'menu-toggle', type: 'button', 'aria-controls': menuId, 'aria-expanded': 'false',
    onclick: () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    },
  }, t('nav.menu'));
  const searchInput = h('input', {
    type: 'search', name: 'q', placeholder: t('search.placeholder'),
    'aria-label': t('search.placeholder'), value: currentPath().query.get('q') ?? '',
  });
  const nav = h('nav', { id: menuId, class: 'main-nav', 'aria-label': t('nav.label') },
    h('ul', null, [...NAV, ...(user?.role === 'admin' ? ADMIN_NAV : [])].map((item) => h('li', null,
      h('a', {
        href: `#${item.path}`,
        'aria-current': path === item.path || (path === '/' && item.path === '/dashboard') ||
          (item.path !== '/' && path.startsWith(`${item.path}/`)) ? 'page' : null,
      }, t(item.key))))),
    h('form', {
      class: 'nav-search', role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        navigate(link('/search', { q: searchInput.value.trim() }));
      },
    }, searchInput, h('button', { type: 'submit' }, t('search.go'))),
    h('div', { class: 'nav-user' },
      user ? h('span', { class: 'who', title: user.unit.name },
        `${user.display_name || user.username} · ${user.unit.name}`) : null,
      h('button', {
        type: 'button', class: 'link-button', 'data-testid': 'lang-switch',
        onclick: () => {
          setLang(lang() === 'vi' ? 'en' : 'vi');
          render();
        },
      }, lang() === 'vi' ? 'English' : 'Tiếng Việt'),
      h('a', { class: 'link-button', href: '#/account' }, t('nav.account')),
      h('button', { type: 'button', class: 'link-button', onclick: logout }, t('nav.logout'))));
  return h('header', { class: 'app-header' },
    h('div', { class: 'bar' },
      h('a', { class: 'brand', href: '#/' }, 'liên thông'),
      toggle),
    nav);
}

async function logout(): Promise<void> {
  try {
    await del('/session');
  } catch {
    // The session may already be gone; leaving is what matters.
  }
  endSession();
  navigate('/login');
}

let generation = 0;

async function render(): Promise<void> {
  const mine = ++generation;
  const { path, query } = currentPath();
  const match = resolve(path);
  const view = h('main', { id: 'view', class: 'view', tabindex: '-1' });
  if (!match) {
    replace(root, currentUser() ? header(path) : null, view);
    replace(view, notice('error', t('error.page_not_found')));
    return;
  }
  if (!match.entry.isPublic && !currentUser()) {
    navigate(link('/login', { next: location.hash.replace(/^#/, '') }));
    return;
  }
  // A temporary password (an administrator's reset) must be changed before anything else.
  if (!match.entry.isPublic && currentUser()?.must_change_password && path !== '/account') {
    navigate('/account');
    return;
  }
  replace(root, match.entry.isPublic ? null : header(path), view);
  try {
    await match.entry.render(view, { params: match.params, query });
  } catch (e) {
    if (mine === generation) replace(view, notice('error', String(e)));
  }
}

async function boot(): Promise<void> {
  setLang(lang());
  setUnauthenticatedHandler(() => {
    if (currentUser()) {
      endSession();
      navigate(link('/login', { next: location.hash.replace(/^#/, ''), expired: '1' }));
    }
  });
  try {
    startSession(await get<SessionAnswer>('/session', undefined, { allowUnauthenticated: true }));
  } catch {
    endSession();
  }
  window.addEventListener('hashchange', () => void render());
  await render();
}

void boot();
