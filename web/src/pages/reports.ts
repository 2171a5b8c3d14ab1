// The reports a unit's subtree owes (GET /reports): period, due date, status, late; filters by
// plan, period and state. A manager also sees the reporting rates per child unit for the chosen
// plan and period (GET /reporting-rates) and reaches the roll-up from here.
import { get } from '../api';
import {
  badge, emptyRow, errorText, loading, notice, pageTitle, table, unitSelect,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, todayIso } from '../format';
import { label, t, type MessageKey } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { canPublish, currentUser } from '../session';
import type { PlanDetail, Rates, ReportingRates, ReportSlot } from '../types';

const FILTERS: { code: string; key: MessageKey; keep: (s: ReportSlot) => boolean }[] = [
  { code: 'open', key: 'reports.filter.open',
    keep: (s) => s.status === 'missing' || s.status === 'draft' || s.status === 'returned' },
  { code: 'overdue', key: 'reports.filter.overdue',
    keep: (s) => !s.received && s.due < todayIso() },
  { code: 'returned', key: 'reports.filter.returned', keep: (s) => s.status === 'returned' },
  { code: 'review', key: 'reports.filter.review', keep: (s) => s.status === 'submitted' },
  { code: 'all', key: 'reports.filter.all', keep: () => true },
];

export function reportStatusBadge(status: string, late = false): HTMLElement {
  return h('span', null, badge(`report-${status}`, label('report_status', status)),
    late ? [' ', badge('late', t('reports.late'))] : null);
}

// Plan names for the plan ids that slots carry ("120/KH-UBND"). A commune reads its ancestors'
// published plans; a plan it cannot read is named by its id.
export async function planNames(ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  await Promise.all([...new Set(ids)].map(async (id) => {
    try {
      const plan = await get<PlanDetail>(`/plans/${id}`);
      names.set(id, plan.document.number || plan.document.title || t('reports.plan_id', { id }));
    } catch {
      names.set(id, t('reports.plan_id', { id }));
    }
  }));
  return names;
}

export async function renderReports(view: HTMLElement, match: RouteMatch): Promise<void> {
  const q = match.query;
  const unit = q.get('unit') ?? currentUser()?.unit.code ?? '';
  const filter = q.get('filter') ?? (canPublish() ? 'all' : 'open');
  const plan = q.get('plan') ?? '';
  const period = q.get('period') ?? '';
  const go = (change: Record<string, string>) =>
    navigate(link('/reports', { unit, filter, plan, period, ...change }));
  const select = await unitSelect(unit);
  select.addEventListener('change', () => go({ unit: select.value }));
  const body = h('div', null, loading());
  replace(view, pageTitle(t('reports.title'),
    h('a', { class: 'button', href: link('/rollup', { unit, plan, period }) }, t('rollup.title'))),
  h('div', { class: 'filters' }, field(t('common.unit'), select),
    h('div', { class: 'chips', role: 'group', 'aria-label': t('reports.filters') },
      FILTERS.map((f) => h('a', {
        class: 'chip', href: link('/reports', { unit, plan, period, filter: f.code }),
        'aria-current': f.code === filter ? 'true' : null,
      }, t(f.key))))),
  body);
  let slots: ReportSlot[];
  try {
    slots = (await get<{ slots: ReportSlot[] }>('/reports',
      { unit, plan, period, limit: 2000 })).slots;
  } catch (err) {
    replace(body, notice('error', errorText(err)));
    return;
  }
  const names = await planNames(slots.map((s) => s.plan_id));
  const periods = [...new Map(slots.map((s) => [s.period.key, s.period.label])).entries()]
    .sort((a, b) => b[0].localeCompare(a[0]));
  const plans = [...new Set(slots.map((s) => s.plan_id))];
  const planSelect = h('select', { name: 'plan', onchange: () => go({ plan: planSelect.value }) },
    h('option', { value: '' }, t('reports.all_plans')),
    plans.map((id) => h('option', { value: String(id), selected: String(id) === plan },
      names.get(id) ?? '')));
  const periodSelect = h('select', {
    name: 'period', onchange: () => go({ period: periodSelect.value }),
  }, h('option', { value: '' }, t('reports.all_periods')),
  periods.map(([key, text]) => h('option', { value: key, selected: key === period }, text)));
  const keep = (FILTERS.find((f) => f.code === filter) ?? FILTERS[0]).keep;
  const shown = slots.filter(keep).sort((a, b) => a.due.localeCompare(b.due));
  replace(body,
    h('div', { class: 'two' }, field(t('reports.plan'), planSelect),
      field(t('reports.period'), periodSelect)),
    plan && period ? ratesSection(unit, plan, period) : null,
    h('section', { class: 'card' },
      h('h2', null, t('reports.list', { n: formatNumber(shown.length) })),
      shown.length === 0 ? emptyRow(t('reports.none')) : slotTable(shown, names)));
}

function slotTable(slots: ReportSlot[], names: Map<number, string>): HTMLElement {
  const w = table(
    [t('common.unit'), t('reports.plan'), t('reports.period'), t('reports.due'),
      t('common.status'), ''],
    slots.map((s) => [
      s.unit.name,
      names.get(s.plan_id) ?? '',
      s.period.label,
      formatDate(s.due),
      reportStatusBadge(s.status, s.late),
      h('a', {
        href: s.report_id ? `#/reports/${s.report_id}` : `#/reports/slot/${s.slot_id}`,
        'data-testid': `open-slot-${s.slot_id}`,
      }, s.report_id ? t('reports.open') : t('reports.start')),
    ]));
  w.querySelectorAll('tbody tr').forEach((tr, i) => {
    tr.setAttribute('data-slot', String(slots[i].slot_id));
    tr.setAttribute('data-unit', slots[i].unit.code);
    tr.setAttribute('data-period', slots[i].period.key);
  });
  return w;
}

export function percent(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${formatNumber(Math.round(n * 10) / 10)}%`;
}

export function ratesCells(r: Rates): string[] {
  return [formatNumber(r.expected), `${formatNumber(r.received)} (${percent(r.received_rate)})`,
    `${formatNumber(r.on_time)} (${percent(r.on_time_rate)})`];
}

export function rateHeaders(): string[] {
  return [t('rates.expected'), t('rates.received'), t('rates.on_time')];
}

function ratesSection(unit: string, plan: string, period: string): HTMLElement {
  const body = h('div', null, loading());
  void (async () => {
    try {
      const r = await get<ReportingRates>('/reporting-rates', { unit, plan, period });
      replace(body,
        h('p', { class: 'summary', 'data-testid': 'rates-total' },
          t('rates.summary', {
            expected: formatNumber(r.rates.expected), received: formatNumber(r.rates.received),
            on_time: formatNumber(r.rates.on_time),
          })),
        r.children.length === 0 ? null : table([t('common.unit'), ...rateHeaders()],
          r.children.map((c) => [
            h('a', { href: link('/reports', { unit: c.code, plan, period, filter: 'all' }) },
              c.name),
            ...ratesCells(c.rates)])));
    } catch (err) {
      replace(body, notice('error', errorText(err)));
    }
  })();
  return h('section', { class: 'card', 'data-testid': 'rates' }, h('h2', null, t('rates.title')),
    body);
}
