// The activity form: recording a new one (POST /activities) and changing one in a dialog
// (PATCH /activities/{id}). Both read the same fields and check the date and title first.
import { patch, post } from '../api';
import { errorText, notice } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, parseDate, todayIso } from '../format';
import { t } from '../i18n';
import type { Activity, ActivityOptions } from '../types';

interface Fields {
  date: HTMLInputElement;
  kind: HTMLSelectElement;
  channel: HTMLSelectElement;
  theme: HTMLInputElement;
  title: HTMLInputElement;
  link: HTMLInputElement;
  reach: HTMLInputElement;
}

let formCount = 0;

function fieldsOf(options: ActivityOptions, a?: Activity): { fields: Fields; layout: HTMLElement } {
  const listId = `activity-themes-${++formCount}`;
  const fields: Fields = {
    date: h('input', {
      name: 'date', value: formatDate(a?.date ?? todayIso()), placeholder: 'dd/mm/yyyy',
      inputmode: 'numeric', required: true,
    }),
    kind: h('select', { name: 'kind' }, options.kinds.map((o) =>
      h('option', { value: o.code, selected: o.code === a?.kind }, o.label))),
    channel: h('select', { name: 'channel' }, options.channels.map((o) =>
      h('option', { value: o.code, selected: o.code === a?.channel }, o.label))),
    theme: h('input', { name: 'theme', list: listId, autocomplete: 'off', value: a?.theme ?? '' }),
    title: h('input', { name: 'title', required: true, value: a?.title ?? '' }),
    link: h('input', { name: 'link', type: 'url', placeholder: 'https://…', value: a?.link ?? '' }),
    reach: h('input', { name: 'reach', type: 'number', min: '0', step: '1',
      value: String(a?.reach ?? 0) }),
  };
  const layout = h('div', { class: 'grid-form' },
    h('datalist', { id: listId }, options.themes.map((x) => h('option', { value: x }))),
    field(t('activity.date'), fields.date),
    field(t('activity.kind'), fields.kind),
    field(t('activity.channel'), fields.channel),
    field(t('activity.theme'), fields.theme),
    field(t('activity.title'), fields.title),
    field(t('activity.link'), fields.link),
    field(t('activity.reach'), fields.reach));
  return { fields, layout };
}

// The body to send, or null after showing what is wrong in `message`.
function bodyOf(f: Fields, message: HTMLElement): Record<string, unknown> | null {
  const iso = parseDate(f.date.value);
  if (!iso || iso.length !== 10) {
    replace(message, notice('error', t('activities.bad_date')));
    f.date.focus();
    return null;
  }
  if (!f.title.value.trim()) {
    replace(message, notice('error', t('activities.need_title')));
    f.title.focus();
    return null;
  }
  return {
    date: iso, kind: f.kind.value, channel: f.channel.value, theme: f.theme.value.trim(),
    title: f.title.value.trim(), link: f.link.value.trim(),
    reach: Math.max(0, Math.floor(Number(f.reach.value) || 0)),
  };
}

export function activityForm(unit: string, options: ActivityOptions, saved: () => void):
  HTMLElement {
  const message = h('div', { 'aria-live': 'polite' });
  const { fields, layout } = fieldsOf(options);
  const submit = h('button', { type: 'submit', class: 'primary' }, t('activities.add'));
  return h('form', {
    class: 'activity-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const body = bodyOf(fields, message);
      if (!body) return;
      submit.disabled = true;
      try {
        await post('/activities', { unit, ...body });
        replace(message, notice('success', t('activities.saved')));
        fields.title.value = '';
        fields.link.value = '';
        fields.reach.value = '0';
        saved();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      } finally {
        submit.disabled = false;
      }
    },
  }, layout, message, submit);
}

// A modal dialog that changes one activity; `changed` runs after a successful save.
export function editActivityDialog(a: Activity, options: ActivityOptions, changed: () => void):
  void {
  const message = h('div', { 'aria-live': 'polite' });
  const { fields, layout } = fieldsOf(options, a);
  const dialog = h('dialog', { class: 'card edit-activity', 'aria-label': t('activities.edit') });
  const close = () => { dialog.close(); dialog.remove(); };
  replace(dialog, h('form', {
    method: 'dialog',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const body = bodyOf(fields, message);
      if (!body) return;
      try {
        await patch(`/activities/${a.id}`, body);
        close();
        changed();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  h('h2', null, t('activities.edit')),
  layout,
  message,
  h('div', { class: 'form-actions' },
    h('button', { type: 'button', onclick: close }, t('common.cancel')),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')))));
  document.body.appendChild(dialog);
  dialog.showModal();
}
