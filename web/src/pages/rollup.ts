// The roll-up of a plan's reports over a unit's subtree for one period (GET /rollup): reporting
// rates, each indicator with its formula, inputs and left-out units (GET /rollup/explain on
// demand), each child's contribution with a drill-down, the late and missing lists, and the
// XLSX export.
import { API_BASE, get, withQuery } from '../api';
import {
  badge, emptyRow, errorText, loading, notice, pageTitle, table, unitSelect,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber } from '../format';
import { label, t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { currentUser } from '../session';
import type {
  ReportSlot, Rollup, RollupCell, RollupExplain, RollupIndicator, RollupUnitRow,
} from '../types';
import { percent, planNames, rateHeaders, ratesCells } from './reports';

function valueText(i: { type: string; aggregation: string }, v: number | null | undefined,
  unitLabel = ''): string {
  if (v === null || v === undefined) return '—';
  if (i.type === 'percentage' || i.type === 'yes_no' || i.aggregation === 'share_meeting_target') {
    return percent(v);
  }
  return `${formatNumber(Math.round(v * 100) / 100)}${unitLabel ? ` ${unitLabel}` : ''}`;
}

function cellText(i: RollupIndicator, c: RollupCell | undefined): string {
  if (!c || (c.reported === 0 && c.not_applicable === 0)) return '—';
  if (c.reported === 0) return t('value.na');
  return valueText(i, c.value);
}

export async function renderRollup(view: HTMLElement, match: RouteMatch): Promise<void> {
  const q = match.query;
  const unit = q.get('unit') ?? currentUser()?.unit.code ?? '';
  let plan = q.get('plan') ?? '';
  let period = q.get('period') ?? '';
  const select = await unitSelect(unit);
  const body = h('div', null, loading());
  replace(view, pageTitle(t('rollup.title')), body);
  // The plans and periods that have report slots in this subtree.
  let slots: ReportSlot[] = [];
  try {
    slots = (await get<{ slots: ReportSlot[] }>('/reports', { unit, limit: 5000 })).slots;
  } catch (err) {
    replace(body, notice('error', errorText(err)));
    return;
  }
  const names = await planNames(slots.map((s) => s.plan_id));
  const plans = [...new Set(slots.map((s) => String(s.plan_id)))];
  if (!plan && plans.length) plan = plans[0];
  const periods = [...new Map(slots.filter((s) => String(s.plan_id) === plan)
    .map((s) => [s.period.key, s.period])).values()].sort((a, b) => b.key.localeCompare(a.key));
  const today = new Date().toISOString().slice(0, 10);
  if (!period && periods.length) {
    period = (periods.find((p) => p.start <= today) ?? periods[periods.length - 1]).key;
  }
  const go = (change: Record<string, string>) =>
    navigate(link('/rollup', { unit, plan, period, ...change }));
  select.addEventListener('change', () => go({ unit: select.value }));
  const planSelect = h('select', { name: 'plan', onchange: () => go({ plan: planSelect.value,
    period: '' }) }, plans.map((id) => h('option', { value: id, selected: id === plan },
    names.get(Number(id)) ?? id)));
  const periodSelect = h('select', { name: 'period', onchange: () =>
    go({ period: periodSelect.value }) }, periods.map((p) =>
    h('option', { value: p.key, selected: p.key === period }, p.label)));
  const filters = h('div', { class: 'filters' }, field(t('common.unit'), select),
    field(t('reports.plan'), planSelect), field(t('reports.period'), periodSelect));
  if (!plan || !period) {
    replace(body, filters, emptyRow(t('rollup.no_plans')));
    return;
  }
  const query = { plan, unit, period };
  try {
    const r = await get<Rollup>('/rollup', query);
    replace(view,
      pageTitle(t('rollup.title'), h('a', {
        class: 'button', href: withQuery(`${API_BASE}/rollup/export.xlsx`, query), download: '',
        'data-testid': 'rollup-xlsx',
      }, t('export.xlsx'))),
      filters, rollupView(r, query));
  } catch (err) {
    replace(body, filters, notice('error', errorText(err)));
  }
}

function rollupView(r: Rollup, query: Record<string, string>): HTMLElement {
  const rates = r.rates;
  return h('div', null,
    h('p', { class: 'crumbs' }, `${r.unit.name} · ${r.period.label} (${formatDate(r.period.start)} – ${
      formatDate(r.period.end)})`),
    h('section', { class: 'card', 'data-testid': 'rollup-rates' },
      h('h2', null, t('rates.title')),
      h('p', { class: 'summary' }, t('rates.summary', {
        expected: formatNumber(rates.expected), received: formatNumber(rates.received),
        on_time: formatNumber(rates.on_time),
      }), r.pending ? ` · ${t('rollup.pending', { n: formatNumber(r.pending) })}` : null)),
    h('section', { class: 'card', 'data-testid': 'rollup-indicators' },
      h('h2', null, t('rollup.indicators')),
      r.indicators.length === 0 ? emptyRow(t('reports.no_indicators'))
        : r.indicators.map((i) => indicatorBlock(i, query))),
    childrenSection(r, query),
    unitList(t('rollup.late', { n: formatNumber(r.late.total) }), r.late.units, query, 'late'),
    unitList(t('rollup.missing', { n: formatNumber(r.missing.total) }), r.missing.units, query,
      'missing'));
}

function indicatorBlock(i: RollupIndicator, query: Record<string, string>): HTMLElement {
  const details = h('div', { class: 'explain' });
  let loaded = false;
  const box = h('details', {
    ontoggle: () => {
      if (!box.open || loaded) return;
      loaded = true;
      void explain(details, { ...query, indicator: i.code }, i);
    },
  }, h('summary', null, t('rollup.how')), h('p', { class: 'formula' }, i.explanation.formula),
  details);
  const text = i.type === 'text';
  return h('article', { class: 'indicator-block', 'data-indicator': i.code },
    h('h3', null, i.name),
    text ? h('p', { class: 'muted small' }, t('rollup.text')) : h('p', { class: 'big-value' },
      valueText(i, i.value, i.unit_label),
      i.aggregation && i.aggregation !== 'none'
        ? h('span', { class: 'muted small' }, ` · ${label('aggregation', i.aggregation)}`) : null),
    h('p', { class: 'small' }, t('rollup.counts', {
      reported: formatNumber(i.reported), na: formatNumber(i.not_applicable),
      missing: formatNumber(i.not_reported),
    })),
    i.goal ? h('p', { class: 'small' }, t('rollup.goal', {
      goal: valueText(i, i.goal.value), by: i.goal.by_label ?? '',
    }), ' ', badge(i.goal.met ? 'done' : 'late',
      i.goal.met ? t('rollup.goal_met') : t('rollup.goal_not_met'))) : null,
    box);
}

async function explain(holder: HTMLElement, query: Record<string, string>,
  i: RollupIndicator): Promise<void> {
  replace(holder, loading());
  try {
    const e = await get<RollupExplain>('/rollup/explain', query);
    const weighted = !!e.indicator.weight_indicator;
    const left = [
      ...e.left_out.not_reported.map((u) => [u.name, label('leftout', u.reason ?? 'no_report')]),
      ...e.left_out.not_applicable.map((u) => [u.name, t('value.na')]),
    ];
    replace(holder,
      e.included.length === 0 ? emptyRow(t('rollup.no_inputs')) : table(
        [t('common.unit'), t('rollup.value'), ...(weighted ? [t('rollup.weight')] : []),
          ...(e.indicator.target !== undefined ? [t('rollup.meets')] : [])],
        e.included.map((u) => [u.name, u.text ?? valueText(i, u.value),
          ...(weighted ? [u.weight === null || u.weight === undefined ? '—'
            : formatNumber(u.weight)] : []),
          ...(e.indicator.target !== undefined ? [u.meets_target ? t('value.yes') : t('value.no')]
            : [])]), t('rollup.inputs')),
      left.length ? table([t('common.unit'), t('rollup.reason')], left, t('rollup.left_out'))
        : null);
  } catch (err) {
    replace(holder, notice('error', errorText(err)));
  }
}

function childrenSection(r: Rollup, query: Record<string, string>): HTMLElement {
  const numeric = r.indicators.filter((i) => i.type !== 'text');
  // Children that owe no report (a party committee, a department) have nothing to show.
  const children = r.children.filter((c) => c.rates.expected > 0 ||
    Object.values(c.indicators ?? {}).some((x) => x.reported > 0 || x.not_applicable > 0));
  return h('section', { class: 'card', 'data-testid': 'rollup-children' },
    h('h2', null, t('rollup.children')),
    children.length === 0 ? emptyRow(t('rollup.no_children')) : table(
      [t('common.unit'), ...numeric.map((i) => i.name), ...rateHeaders()],
      children.map((c) => [
        h('a', { href: link('/rollup', { ...query, unit: c.code }), 'data-testid':
          `drill-${c.code}` }, c.name),
        ...numeric.map((i) => cellText(i, c.indicators[i.code])),
        ...ratesCells(c.rates)])));
}

function unitList(title: string, units: RollupUnitRow[], query: Record<string, string>,
  testid: string): HTMLElement {
  return h('section', { class: 'card', 'data-testid': `rollup-${testid}` }, h('h2', null, title),
    units.length === 0 ? emptyRow(t('common.none')) : table(
      [t('common.unit'), t('reports.due'), t('common.status')],
      units.map((u) => [
        h('a', { href: link('/reports', { unit: u.code, plan: query.plan, period: query.period,
          filter: 'all' }) }, u.name),
        formatDate(u.due), label('report_status', u.status)])));
}
