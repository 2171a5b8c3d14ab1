// Plans of a unit's subtree, searchable; the entry to the import page.
import { get } from '../api';
import {
  emptyRow, errorText, loading, notice, pageTitle, statusBadge, table, unitSelect,
} from '../components';
import { h, replace } from '../dom';
import { formatDate } from '../format';
import { t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { canWrite, currentUser } from '../session';
import type { PlanSummary } from '../types';

export async function renderPlans(view: HTMLElement, match: RouteMatch): Promise<void> {
  const unit = match.query.get('unit') ?? currentUser()?.unit.code ?? '';
  const q = match.query.get('q') ?? '';
  const input = h('input', {
    type: 'search', name: 'q', value: q, placeholder: t('plans.search'),
    'aria-label': t('plans.search'),
  });
  const select = await unitSelect(unit);
  select.setAttribute('aria-label', t('common.unit'));
  const list = h('div', null, loading());
  replace(view,
    pageTitle(t('plans.title'),
      canWrite() ? h('a', { class: 'button primary', href: '#/plans/import' }, t('plans.import'))
        : null),
    h('form', {
      class: 'filters', role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        navigate(link('/plans', { unit: select.value, q: input.value.trim() }));
      },
    }, select, input, h('button', { type: 'submit' }, t('common.search'))),
    list);
  try {
    const { plans } = await get<{ plans: PlanSummary[] }>('/plans', { unit, q });
    if (plans.length === 0) {
      replace(list, emptyRow(t('plans.none')));
      return;
    }
    replace(list, table(
      [t('plan.number'), t('plan.title'), t('plan.date'), t('plan.issuer'), t('common.unit'),
        t('common.status')],
      plans.map((p) => [
        h('a', { href: `#/plans/${p.id}` }, p.number ?? t('plan.no_number')),
        h('a', { href: `#/plans/${p.id}`, class: 'plan-title' },
          [p.doc_type, p.title].filter(Boolean).join(' ') || t('plan.untitled')),
        formatDate(p.date),
        p.issuer ?? '',
        p.unit_code,
        statusBadge(p.status),
      ])));
  } catch (err) {
    replace(list, notice('error', errorText(err)));
  }
}
