// #/admin/audit: the audit log for administrators (GET /audit, newest first), filtered by date
// range, entity, action and actor through the query string so a filtered view can be linked.
import { get } from '../api';
import { emptyRow, errorText, loading, notice, pageTitle, table } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, formatTimestamp, parseDate } from '../format';
import { label, t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { currentUser } from '../session';

interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

const ENTITIES = ['', 'user', 'session', 'unit', 'plan', 'task', 'activity', 'report'];

function change(e: AuditEntry): string {
  const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  const before = show(e.before);
  const after = show(e.after);
  return before && after ? `${before} → ${after}` : before || after;
}

export async function renderAdminAudit(view: HTMLElement, match: RouteMatch): Promise<void> {
  if (currentUser()?.role !== 'admin') {
    replace(view, pageTitle(t('audit.title')), notice('error', t('error.permission_denied')));
    return;
  }
  const q = match.query;
  const since = h('input', { name: 'since', placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
    value: formatDate(q.get('since')) });
  const until = h('input', { name: 'until', placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
    value: formatDate(q.get('until')) });
  const entity = h('select', { name: 'entity' }, ENTITIES.map((x) =>
    h('option', { value: x, selected: x === (q.get('entity') ?? '') },
      x ? label('entity', x) : t('audit.any'))));
  const action = h('input', { name: 'action', value: q.get('action') ?? '',
    placeholder: 'create, update, login…' });
  const actor = h('input', { name: 'actor', value: q.get('actor') ?? '', placeholder: 'web:lan.nt' });
  const message = h('div', { 'aria-live': 'polite' });
  const list = h('div', null, loading());
  const filters = h('form', {
    class: 'filters',
    onsubmit: (e: Event) => {
      e.preventDefault();
      const from = parseDate(since.value);
      const to = parseDate(until.value);
      if (from === undefined || to === undefined) {
        replace(message, notice('error', t('audit.bad_date')));
        return;
      }
      navigate(link('/admin/audit', { since: from, until: to, entity: entity.value,
        action: action.value.trim(), actor: actor.value.trim() }));
    },
  },
  field(t('audit.since'), since), field(t('audit.until'), until),
  field(t('audit.entity'), entity), field(t('audit.action'), action),
  field(t('audit.actor'), actor),
  h('button', { type: 'submit', class: 'primary' }, t('audit.filter')));
  replace(view, pageTitle(t('audit.title')), filters, message, list);

  try {
    // `until` is a day typed by a person: include that whole day.
    const untilIso = q.get('until');
    const untilNext = untilIso && untilIso.length === 10
      ? new Date(Date.parse(`${untilIso}T00:00:00Z`) + 86400000).toISOString().slice(0, 10)
      : untilIso;
    const { entries } = await get<{ entries: AuditEntry[] }>('/audit', {
      since: q.get('since'), until: untilNext, entity: q.get('entity'), action: q.get('action'),
      actor: q.get('actor'), limit: 200,
    });
    if (entries.length === 0) {
      replace(list, emptyRow(t('audit.none')));
      return;
    }
    replace(list, h('p', { class: 'muted' }, t('audit.count', { n: formatNumber(entries.length) })),
      table([t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.entity'),
        t('audit.change')], entries.map((e) => [
        formatTimestamp(e.at), e.actor, label('action', e.action),
        `${label('entity', e.entity)} ${e.entity_id}`.trim(),
        h('span', { class: 'audit-change' }, change(e)),
      ]), t('audit.title')));
  } catch (err) {
    replace(list, notice('error', errorText(err)));
  }
}
