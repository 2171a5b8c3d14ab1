// The plan page's reporting part: the indicators every report measures (GET/POST
// /plans/{id}/indicators, the POST replaces the list) and the reporting duties that create the
// report slots (GET/POST /plans/{id}/reporting-duties). Managers edit; others read.
import { get, post } from '../api';
import { emptyRow, errorText, loading, notice, table } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate, parseNumber } from '../format';
import { label, t } from '../i18n';
import { link } from '../router';
import { canPublish } from '../session';
import type { Duty, Indicator, IndicatorInput, IndicatorType } from '../types';

const TYPES = ['number', 'percentage', 'yes_no', 'text'];
const AGGREGATIONS = ['sum', 'mean', 'weighted_mean', 'min', 'max', 'share_meeting_target'];
const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'once', 'ad_hoc'];

export function reportingSection(planId: number): HTMLElement | null {
  const body = h('div', null, loading());
  const box = h('section', { class: 'card', 'data-testid': 'plan-reporting' },
    h('h2', null, t('planrep.title')), body);
  void (async () => {
    try {
      const [ind, duties] = await Promise.all([
        get<{ indicators: Indicator[] }>(`/plans/${planId}/indicators`),
        get<{ duties: Duty[] }>(`/plans/${planId}/reporting-duties`)]);
      replace(body, indicatorsPart(planId, ind.indicators), dutiesPart(planId, duties.duties));
    } catch (err) {
      replace(body, notice('error', errorText(err)));
    }
  })();
  return box;
}

function options(codes: string[], prefix: string, selected: string | null | undefined):
  HTMLOptionElement[] {
  return codes.map((c) => h('option', { value: c, selected: c === selected }, label(prefix, c)));
}

interface Row { element: HTMLElement; read: () => IndicatorInput | string }

function indicatorRow(i: IndicatorInput, remove: (row: HTMLElement) => void): Row {
  const code = h('input', { name: 'code', value: i.code, required: true, 'aria-label': t('planrep.code') });
  const name = h('input', { name: 'name', value: i.name, required: true, 'aria-label': t('planrep.name') });
  const type = h('select', { name: 'type', 'aria-label': t('planrep.type') },
    options(TYPES, 'indicator_type', i.type));
  const agg = h('select', { name: 'aggregation', 'aria-label': t('planrep.aggregation') },
    h('option', { value: '' }, '—'), options(AGGREGATIONS, 'aggregation', i.aggregation));
  const unitLabel = h('input', { name: 'unit_label', value: i.unit_label ?? '',
    'aria-label': t('planrep.unit_label') });
  const weight = h('input', { name: 'weight_code', value: i.weight_code ?? '',
    'aria-label': t('planrep.weight_code') });
  const goal = h('input', { name: 'goal', inputmode: 'decimal', 'aria-label': t('planrep.goal'),
    value: i.goal === null || i.goal === undefined ? '' : formatNumber(i.goal) });
  const goalPeriod = h('input', { name: 'goal_period', value: i.goal_period ?? '',
    placeholder: '2025-Q4', 'aria-label': t('planrep.goal_period') });
  const element = h('fieldset', { class: 'indicator-edit' },
    h('legend', null, i.name || t('planrep.new_indicator')),
    h('div', { class: 'grid-form' },
      field(t('planrep.code'), code), field(t('planrep.name'), name),
      field(t('planrep.type'), type), field(t('planrep.aggregation'), agg),
      field(t('planrep.unit_label'), unitLabel), field(t('planrep.weight_code'), weight),
      field(t('planrep.goal'), goal),
      field(t('planrep.goal_period'), goalPeriod, t('planrep.goal_period_hint'))),
    h('button', { type: 'button', class: 'link-button danger', onclick: () => remove(element) },
      t('common.remove')));
  const read = (): IndicatorInput | string => {
    if (!/^[a-z0-9_]{1,40}$/.test(code.value.trim())) return t('planrep.bad_code');
    if (!name.value.trim()) return t('planrep.no_name');
    const out: IndicatorInput = {
      code: code.value.trim(), name: name.value.trim(), type: type.value as IndicatorType };
    if (type.value !== 'text' && agg.value) {
      out.aggregation = agg.value as NonNullable<IndicatorInput['aggregation']>;
    }
    if (unitLabel.value.trim()) out.unit_label = unitLabel.value.trim();
    if (weight.value.trim()) out.weight_code = weight.value.trim();
    const g = parseNumber(goal.value);
    if (g === undefined) return t('planrep.bad_goal');
    if (g !== null) {
      out.goal = g;
      if (goalPeriod.value.trim()) out.goal_period = goalPeriod.value.trim();
    }
    return out;
  };
  return { element, read };
}

function indicatorsPart(planId: number, indicators: IndicatorInput[]): HTMLElement {
  const listing = indicators.length === 0 ? emptyRow(t('planrep.no_indicators')) : table(
    [t('planrep.code'), t('planrep.name'), t('planrep.type'), t('planrep.aggregation'),
      t('planrep.goal')],
    indicators.map((i) => [i.code, [i.name, i.unit_label ? ` (${i.unit_label})` : ''].join(''),
      label('indicator_type', i.type), label('aggregation', i.aggregation ?? ''),
      i.goal === null || i.goal === undefined ? '—'
        : `${formatNumber(i.goal)}${i.goal_period ? ` (${i.goal_period})` : ''}`]));
  const part = h('div', { 'data-testid': 'indicators' },
    h('h3', null, t('planrep.indicators')), listing);
  if (!canPublish()) return part;
  const rows: Row[] = [];
  const holder = h('div', { class: 'rows' });
  const message = h('div', { 'aria-live': 'polite' });
  const addRow = (i: IndicatorInput) => {
    const row = indicatorRow(i, (el) => {
      rows.splice(rows.findIndex((r) => r.element === el), 1);
      el.remove();
    });
    rows.push(row);
    holder.appendChild(row.element);
  };
  const form = h('form', {
    class: 'indicator-form', hidden: true,
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const read = rows.map((r) => r.read());
      const bad = read.find((x) => typeof x === 'string');
      if (typeof bad === 'string') {
        replace(message, notice('error', bad));
        return;
      }
      try {
        const saved = await post<{ indicators: Indicator[] }>(`/plans/${planId}/indicators`,
          { indicators: read });
        part.replaceWith(indicatorsPart(planId, saved?.indicators ?? read as IndicatorInput[]));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  }, holder,
  h('div', { class: 'form-actions' },
    h('button', { type: 'button', 'data-testid': 'add-indicator',
      onclick: () => addRow({ code: '', name: '', type: 'number', aggregation: 'sum' }) },
    t('planrep.add_indicator')),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'save-indicators' },
      t('planrep.save_indicators'))),
  message);
  for (const i of indicators) addRow(i);
  const edit = h('button', { type: 'button', 'data-testid': 'edit-indicators', onclick: () => {
    form.hidden = false;
    edit.remove();
    if (rows.length === 0) addRow({ code: '', name: '', type: 'number', aggregation: 'sum' });
  } }, t('planrep.edit_indicators'));
  part.append(edit, form);
  return part;
}

function dutyText(d: Duty): string {
  const when = d.first_year
    ? (d.last_year && d.last_year !== d.first_year ? `${d.first_year}–${d.last_year}`
      : String(d.first_year))
    : [formatDate(d.period_first), formatDate(d.deadline)].filter(Boolean).join(' → ');
  const offsets = Object.entries(d.offset_days ?? {})
    .map(([level, days]) => `${label('level', level)}: ${formatNumber(days)}`).join('; ');
  return [label('frequency', d.frequency), when, offsets ? `(${t('planrep.offsets')} ${offsets})`
    : null, d.note || null].filter(Boolean).join(' · ');
}

function dutiesPart(planId: number, duties: Duty[]): HTMLElement {
  const part = h('div', { 'data-testid': 'duties' }, h('h3', null, t('planrep.duties')),
    duties.length === 0 ? emptyRow(t('planrep.no_duties'))
      : h('ul', { class: 'plain' }, duties.map((d) => h('li', null, dutyText(d)))),
    duties.length ? h('p', null, h('a', { href: link('/reports', { plan: String(planId),
      filter: 'all' }) }, t('planrep.see_reports'))) : null);
  if (canPublish()) part.append(dutyForm(planId, part));
  return part;
}

function dutyForm(planId: number, part: HTMLElement): HTMLElement {
  const year = new Date().getFullYear();
  const frequency = h('select', { name: 'frequency' }, options(FREQUENCIES, 'frequency', 'quarterly'));
  const first = h('input', { name: 'first_year', type: 'number', min: '2000', max: '2100',
    value: String(year) });
  const last = h('input', { name: 'last_year', type: 'number', min: '2000', max: '2100',
    value: String(year) });
  const deadline = h('input', { name: 'deadline', placeholder: 'dd/mm/yyyy' });
  const cutoff = h('select', { name: 'cutoff' }, options(['statutory', 'calendar'], 'cutoff',
    'statutory'));
  const commune = h('input', { name: 'offset_commune', type: 'number', min: '-366', max: '366',
    placeholder: '6' });
  const province = h('input', { name: 'offset_province', type: 'number', min: '-366',
    max: '366', placeholder: '6' });
  const note = h('input', { name: 'note' });
  const message = h('div', { 'aria-live': 'polite' });
  const recurring = h('div', { class: 'two' }, field(t('planrep.first_year'), first),
    field(t('planrep.last_year'), last));
  const oneOff = h('div', null, field(t('planrep.deadline'), deadline));
  const sync = () => {
    const once = frequency.value === 'once' || frequency.value === 'ad_hoc';
    recurring.hidden = once;
    oneOff.hidden = !once;
  };
  frequency.addEventListener('change', sync);
  sync();
  return h('form', {
    class: 'duty-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const body: Record<string, unknown> = { frequency: frequency.value, cutoff: cutoff.value };
      if (frequency.value === 'once' || frequency.value === 'ad_hoc') {
        const d = parseDate(deadline.value);
        if (!d || d.length !== 10) {
          replace(message, notice('error', t('planrep.bad_deadline')));
          return;
        }
        body.deadline = d;
      } else {
        body.first_year = Number(first.value);
        body.last_year = Number(last.value || first.value);
      }
      const offsets: Record<string, number> = {};
      if (commune.value !== '') offsets.commune = Number(commune.value);
      if (province.value !== '') offsets.province = Number(province.value);
      if (Object.keys(offsets).length) body.offset_days = offsets;
      if (note.value.trim()) body.note = note.value.trim();
      try {
        const answer = await post<{ slots_created: number }>(
          `/plans/${planId}/reporting-duties`, body);
        const duties = await get<{ duties: Duty[] }>(`/plans/${planId}/reporting-duties`);
        const next = dutiesPart(planId, duties.duties);
        part.replaceWith(next);
        next.prepend(notice('success', t('planrep.duty_added',
          { n: formatNumber(answer.slots_created) })));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  h('h3', null, t('planrep.add_duty')),
  h('div', { class: 'grid-form' }, field(t('planrep.frequency'), frequency),
    field(t('planrep.cutoff'), cutoff),
    field(t('planrep.offset_commune'), commune, t('planrep.offset_hint')),
    field(t('planrep.offset_province'), province)),
  recurring, oneOff, field(t('planrep.note'), note),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'add-duty' },
      t('planrep.add_duty'))),
  message);
}
