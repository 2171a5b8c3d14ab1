// Communication activities (#/activities): the unit subtree's log, newest first, a page at a
// time (GET /activities limit/offset/next_offset) and filtered by theme, channel and date range
// through the query string, so a filtered page can be linked; a quick form to record one, an
// import of many from a CSV/XLSX file, and change or delete where the API says can_edit.
import { del, get } from '../api';
import {
  emptyRow, errorText, loading, notice, pageTitle, unitSelect,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate } from '../format';
import { t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { canWrite, currentUser, myUnits } from '../session';
import type { Activity, ActivityOptions, Option } from '../types';
import { activityForm, editActivityDialog } from './activity-form';
import { activityImport } from './activity-import';

const PAGE_SIZE = 20;

interface ActivityPage {
  activities: Activity[];
  total: number;
  offset: number;
  next_offset: number | null;
}

interface Filters {
  unit: string;
  theme: string;
  channel: string;
  from: string;
  to: string;
}

function filtersOf(match: RouteMatch): Filters {
  const q = match.query;
  return {
    unit: q.get('unit') ?? currentUser()?.unit.code ?? '',
    theme: q.get('theme') ?? '',
    channel: q.get('channel') ?? '',
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
  };
}

function filterForm(f: Filters, options: ActivityOptions, unit: HTMLSelectElement,
  message: HTMLElement): HTMLElement {
  const theme = h('select', { name: 'theme' },
    h('option', { value: '' }, t('activities.any_theme')),
    options.themes.map((x) => h('option', { value: x, selected: x === f.theme }, x)),
    f.theme && !options.themes.includes(f.theme)
      ? h('option', { value: f.theme, selected: true }, f.theme) : null);
  const channel = h('select', { name: 'channel' },
    h('option', { value: '' }, t('activities.any_channel')),
    options.channels.map((o) => h('option', { value: o.code, selected: o.code === f.channel },
      o.label)));
  const from = h('input', { name: 'from', placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
    value: formatDate(f.from) });
  const to = h('input', { name: 'to', placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
    value: formatDate(f.to) });
  return h('form', {
    class: 'filters activity-filters',
    onsubmit: (e: Event) => {
      e.preventDefault();
      const fromIso = parseDate(from.value);
      const toIso = parseDate(to.value);
      if (fromIso === undefined || toIso === undefined || (fromIso && fromIso.length !== 10) ||
        (toIso && toIso.length !== 10)) {
        replace(message, notice('error', t('activities.bad_date')));
        return;
      }
      navigate(link('/activities', { unit: unit.value, theme: theme.value,
        channel: channel.value, from: fromIso, to: toIso }));
    },
  },
  field(t('common.unit'), unit),
  field(t('activity.theme'), theme),
  field(t('activity.channel'), channel),
  field(t('activities.from'), from),
  field(t('activities.to'), to),
  h('button', { type: 'submit', class: 'primary' }, t('activities.filter')),
  h('a', { href: link('/activities', { unit: f.unit }), class: 'clear-filters' },
    t('activities.clear')));
}

// What each row of the list needs from the page.
interface ListContext {
  options: ActivityOptions;
  names: Map<string, string>;   // unit code → name
  message: HTMLElement;
  reload: () => void;
}

const labelOf = (opts: Option[], code: string) => opts.find((o) => o.code === code)?.label ?? code;

function activityItem(a: Activity, c: ListContext): HTMLElement {
  const meta = [formatDate(a.date), labelOf(c.options.kinds, a.kind),
    labelOf(c.options.channels, a.channel), a.theme,
    t('activities.reach_n', { n: formatNumber(a.reach) }), c.names.get(a.unit_code) ?? a.unit_code]
    .filter((x) => x);
  return h('li', { class: 'activity-item', 'data-id': String(a.id) },
    h('div', { class: 'activity-title' }, a.link && /^https?:\/\//i.test(a.link)
      ? h('a', { href: a.link, target: '_blank', rel: 'noopener noreferrer' }, a.title)
      : a.title),
    h('div', { class: 'activity-meta muted' }, meta.join(' · ')),
    a.can_edit ? h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'link-button',
        'aria-label': `${t('activities.edit')}: ${a.title}`,
        onclick: () => {
          replace(c.message);
          editActivityDialog(a, c.options, () => {
            replace(c.message, notice('success', t('activities.changed')));
            c.reload();
          });
        } }, t('activities.edit')),
      h('button', { type: 'button', class: 'link-button danger',
        'aria-label': `${t('activities.delete')}: ${a.title}`,
        onclick: () => void removeActivity(a, c) }, t('activities.delete'))) : null);
}

async function removeActivity(a: Activity, c: ListContext): Promise<void> {
  replace(c.message);
  if (!window.confirm(t('activities.confirm_delete', { title: a.title }))) return;
  try {
    await del(`/activities/${a.id}`);
    replace(c.message, notice('success', t('activities.deleted')));
    c.reload();
  } catch (err) {
    replace(c.message, notice('error', errorText(err)));
  }
}

export async function renderActivities(view: HTMLElement, match: RouteMatch): Promise<void> {
  const f = filtersOf(match);
  const offset = Math.max(0, Math.floor(Number(match.query.get('offset')) || 0));
  const select = await unitSelect(f.unit);
  select.addEventListener('change', () => navigate(link('/activities', { unit: select.value })));
  const message = h('div', { 'aria-live': 'polite' });
  const list = h('div', null, loading());
  replace(view, pageTitle(t('activities.title')), list);

  let options: ActivityOptions = { kinds: [], channels: [], themes: [] };
  try {
    options = await get<ActivityOptions>('/activities/options', { unit: f.unit });
  } catch (err) {
    replace(message, notice('error', errorText(err)));
  }
  const names = new Map<string, string>();
  try {
    for (const u of await myUnits()) names.set(u.code, u.name);
  } catch {
    // Codes are shown instead of names.
  }
  const reload = () => void load();
  replace(view, pageTitle(t('activities.title')), filterForm(f, options, select, message), message,
    canWrite() ? h('section', { class: 'card' }, h('h2', null, t('activities.new')),
      activityForm(f.unit, options, reload)) : null,
    canWrite() ? h('details', { class: 'card import-box' },
      h('summary', null, t('import_rows.title')), activityImport(f.unit, () => {
        replace(message);
        reload();
      })) : null,
    list);

  const context: ListContext = { options, names, message, reload };
  const pageLink = (to: number) => link('/activities', { unit: f.unit, theme: f.theme,
    channel: f.channel, from: f.from, to: f.to, offset: to > 0 ? String(to) : '' });

  async function load(): Promise<void> {
    try {
      const page = await get<ActivityPage>('/activities', { unit: f.unit, theme: f.theme,
        channel: f.channel, from: f.from, to: f.to, limit: PAGE_SIZE, offset });
      if (page.activities.length === 0) {
        replace(list, emptyRow(t('activities.none')),
          offset > 0 ? h('a', { href: pageLink(0) }, t('activities.first_page')) : null);
        return;
      }
      const last = page.offset + page.activities.length;
      replace(list,
        h('p', { class: 'muted', 'data-testid': 'activity-range' }, t('activities.range', {
          from: formatNumber(page.offset + 1), to: formatNumber(last),
          total: formatNumber(page.total) })),
        h('ol', { class: 'activity-list', 'aria-label': t('activities.list') },
          page.activities.map((a) => activityItem(a, context))),
        h('nav', { class: 'pager', 'aria-label': t('activities.pages') },
          page.offset > 0
            ? h('a', { href: pageLink(Math.max(0, page.offset - PAGE_SIZE)), rel: 'prev' },
              t('activities.previous')) : null,
          page.next_offset !== null
            ? h('a', { href: pageLink(page.next_offset), rel: 'next' }, t('activities.next'))
            : null));
    } catch (err) {
      replace(list, notice('error', errorText(err)));
    }
  }
  await load();
}
