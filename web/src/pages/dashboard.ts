// The dashboard: activities of a chosen subtree and period by theme, channel, child unit and
// month — each as a chart and as a table of the same numbers.
import { get } from '../api';
import { barChart, columnChart, type Bar } from '../charts';
import {
  emptyRow, errorText, loading, notice, pageTitle, unitSelect,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate, todayIso } from '../format';
import { t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { currentUser } from '../session';
import type { ActivityOptions, Dashboard } from '../types';

export async function renderDashboard(view: HTMLElement, match: RouteMatch): Promise<void> {
  const unit = match.query.get('unit') ?? currentUser()?.unit.code ?? '';
  const from = match.query.get('from') ?? `${todayIso().slice(0, 4)}-01-01`;
  const to = match.query.get('to') ?? todayIso();
  const select = await unitSelect(unit);
  const fromInput = h('input', { name: 'from', value: formatDate(from), placeholder: 'dd/mm/yyyy' });
  const toInput = h('input', { name: 'to', value: formatDate(to), placeholder: 'dd/mm/yyyy' });
  const message = h('div', { 'aria-live': 'polite' });
  const body = h('div', null, loading());
  replace(view,
    pageTitle(t('dashboard.title')),
    h('form', {
      class: 'filters dashboard-filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const f = parseDate(fromInput.value);
        const tt = parseDate(toInput.value);
        if (!f || !tt || f.length !== 10 || tt.length !== 10) {
          replace(message, notice('error', t('dashboard.bad_period')));
          return;
        }
        navigate(link('/dashboard', { unit: select.value, from: f, to: tt }));
      },
    },
    field(t('common.unit'), select),
    field(t('dashboard.from'), fromInput),
    field(t('dashboard.to'), toInput),
    h('button', { type: 'submit' }, t('dashboard.show'))),
    message,
    body);
  try {
    // Channel codes are shown with the labels the activity form uses, when the server has them.
    const [d, options] = await Promise.all([
      get<Dashboard>('/dashboard', { unit, from, to }),
      get<ActivityOptions>('/activities/options', { unit }).catch(() => null),
    ]);
    replace(body, dashboardView(d, options));
  } catch (err) {
    replace(body, notice('error', errorText(err)));
  }
}

function dashboardView(d: Dashboard, options: ActivityOptions | null): HTMLElement {
  const channelLabel = (code: string) =>
    options?.channels.find((c) => c.code === code)?.label ?? code;
  const byTheme: Bar[] = (d.by_theme ?? []).map((x) => ({ label: x.key || t('dashboard.no_theme'), count: x.count }));
  const byChannel: Bar[] = (d.by_channel ?? []).map((x) => ({ label: x.key ? channelLabel(x.key) : '—', count: x.count }));
  const byChild: Bar[] = (d.by_child ?? []).map((x) => ({ label: x.name, count: x.count }));
  const byMonth: Bar[] = (d.by_month ?? []).map((x) => ({
    label: formatDate(x.month), count: x.count, short: x.month.slice(5, 7),
  }));
  return h('div', null,
    h('section', { class: 'card total' },
      h('p', { class: 'big-number', 'data-testid': 'dashboard-total' }, formatNumber(d.total ?? 0)),
      h('p', null, t('dashboard.total', {
        unit: d.unit?.name ?? '', from: formatDate(d.from), to: formatDate(d.to),
      })),
      d.reach !== undefined && d.reach !== null
        ? h('p', { class: 'muted' }, t('dashboard.reach', { n: formatNumber(d.reach) })) : null),
    h('div', { class: 'chart-grid' },
      chartCard(t('dashboard.by_theme'), byTheme, t('activity.theme'), false),
      chartCard(t('dashboard.by_channel'), byChannel, t('activity.channel'), false),
      chartCard(t('dashboard.by_child'), byChild, t('common.unit'), false),
      chartCard(t('dashboard.by_month'), byMonth, t('dashboard.month'), true)));
}

function chartCard(title: string, bars: Bar[], column: string, months: boolean): HTMLElement {
  return h('section', { class: 'card chart' },
    h('h2', null, title),
    bars.length === 0 ? emptyRow(t('dashboard.empty')) : [
      months ? columnChart(title, bars) : barChart(title, bars),
      h('table', { class: 'numbers' },
        h('caption', { class: 'visually-hidden' }, `${title} — ${t('dashboard.numbers')}`),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, column),
          h('th', { scope: 'col', class: 'num' }, t('dashboard.count')))),
        h('tbody', null, bars.map((b) => h('tr', null, h('td', null, b.label),
          h('td', { class: 'num' }, formatNumber(b.count)))))),
    ]);
}
