// Communication activities: a quick form (date, kind, channel, theme, title, link, reach) and
// the unit's list, newest first.
import { ApiError, get, post } from '../api';
import {
  emptyRow, errorText, loading, notice, pageTitle, table, unavailable, unitSelect,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate, todayIso } from '../format';
import { t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { canWrite, currentUser } from '../session';
import type { Activity, ActivityOptions, Option } from '../types';

export async function renderActivities(view: HTMLElement, match: RouteMatch): Promise<void> {
  const unit = match.query.get('unit') ?? currentUser()?.unit.code ?? '';
  const select = await unitSelect(unit);
  select.setAttribute('aria-label', t('common.unit'));
  select.addEventListener('change', () => navigate(link('/activities', { unit: select.value })));
  const formHolder = h('div');
  const list = h('div', null, loading());
  replace(view, pageTitle(t('activities.title')), h('div', { class: 'filters' }, select),
    formHolder, list);

  let options: ActivityOptions = { kinds: [], channels: [], themes: [] };
  try {
    options = await get<ActivityOptions>('/activities/options', { unit });
  } catch (err) {
    if (err instanceof ApiError && err.endpointMissing) {
      replace(formHolder);
      replace(list, unavailable('nav.activities'));
      return;
    }
    replace(formHolder, notice('error', errorText(err)));
  }
  if (canWrite()) replace(formHolder, activityForm(unit, options, () => void load()));

  const labelOf = (opts: Option[], code: string) => opts.find((o) => o.code === code)?.label ?? code;
  async function load(): Promise<void> {
    try {
      const answer = await get<{ activities: Activity[]; total: number }>('/activities',
        { unit, limit: 100 });
      if (answer.activities.length === 0) {
        replace(list, emptyRow(t('activities.none')));
        return;
      }
      replace(list,
        h('p', { class: 'muted' }, t('activities.total', { n: formatNumber(answer.total) })),
        table([t('activity.date'), t('activity.title'), t('activity.kind'), t('activity.channel'),
          t('activity.theme'), t('activity.reach'), t('common.unit')],
        answer.activities.map((a) => [
          formatDate(a.date),
          a.link && /^https?:\/\//i.test(a.link)
            ? h('a', { href: a.link, target: '_blank', rel: 'noopener noreferrer' }, a.title)
            : a.title,
          labelOf(options.kinds, a.kind),
          labelOf(options.channels, a.channel),
          a.theme,
          formatNumber(a.reach),
          a.unit_code ?? a.unit ?? '',
        ]), t('activities.list')));
    } catch (err) {
      if (err instanceof ApiError && err.endpointMissing) replace(list, unavailable('nav.activities'));
      else replace(list, notice('error', errorText(err)));
    }
  }
  await load();
}

function activityForm(unit: string, options: ActivityOptions, saved: () => void): HTMLElement {
  const message = h('div', { 'aria-live': 'polite' });
  const date = h('input', {
    name: 'date', value: formatDate(todayIso()), placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
    required: true,
  });
  const kind = h('select', { name: 'kind' },
    options.kinds.map((o) => h('option', { value: o.code }, o.label)));
  const channel = h('select', { name: 'channel' },
    options.channels.map((o) => h('option', { value: o.code }, o.label)));
  const listId = 'activity-themes';
  const theme = h('input', { name: 'theme', list: listId, autocomplete: 'off' });
  const title = h('input', { name: 'title', required: true });
  const url = h('input', { name: 'link', type: 'url', placeholder: 'https://…' });
  const reach = h('input', { name: 'reach', type: 'number', min: '0', step: '1', value: '0' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('activities.add'));
  return h('form', {
    class: 'card activity-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const iso = parseDate(date.value);
      if (!iso || iso.length !== 10) {
        replace(message, notice('error', t('activities.bad_date')));
        date.focus();
        return;
      }
      if (!title.value.trim()) {
        replace(message, notice('error', t('activities.need_title')));
        title.focus();
        return;
      }
      submit.disabled = true;
      try {
        await post('/activities', {
          unit, date: iso, kind: kind.value, channel: channel.value, theme: theme.value.trim(),
          title: title.value.trim(), link: url.value.trim(),
          reach: Math.max(0, Math.floor(Number(reach.value) || 0)),
        });
        replace(message, notice('success', t('activities.saved')));
        title.value = '';
        url.value = '';
        reach.value = '0';
        saved();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h2', null, t('activities.new')),
  h('datalist', { id: listId }, options.themes.map((x) => h('option', { value: x }))),
  h('div', { class: 'grid-form' },
    field(t('activity.date'), date),
    field(t('activity.kind'), kind),
    field(t('activity.channel'), channel),
    field(t('activity.theme'), theme),
    field(t('activity.title'), title),
    field(t('activity.link'), url),
    field(t('activity.reach'), reach)),
  message,
  submit);
}
