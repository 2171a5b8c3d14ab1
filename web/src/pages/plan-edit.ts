// Edit a draft plan (issue 13 workflow 6): the document as GET /plans/{id} returned it, in the
// same form as the import review (plan-form.ts), saved whole with PATCH /plans/{id} and the
// revision it was read at — a 409 means someone else saved meanwhile: say so, offer a reload.
import { ApiError, get, patch } from '../api';
import { errorText, loading, notice, pageTitle } from '../components';
import { h, replace } from '../dom';
import { t } from '../i18n';
import { navigate, type RouteMatch } from '../router';
import { canWrite } from '../session';
import type { PlanDetail } from '../types';
import { documentForm, validate } from './plan-form';

export async function renderPlanEdit(view: HTMLElement, match: RouteMatch): Promise<void> {
  const id = match.params[0];
  replace(view, loading());
  let plan: PlanDetail;
  try {
    plan = await get<PlanDetail>(`/plans/${id}`);
  } catch (err) {
    replace(view, notice('error', errorText(err)),
      h('p', null, h('a', { href: '#/plans' }, t('plan.back'))));
    return;
  }
  const doc = structuredClone(plan.document);
  const heading = [doc.doc_type, doc.number].filter(Boolean).join(' ') || t('plan.untitled');
  const back = h('a', { class: 'button', href: `#/plans/${plan.id}` }, t('common.cancel'));
  const top = [
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, t('nav.plans')), ' › ',
      h('a', { href: `#/plans/${plan.id}` }, heading), ' › ', t('plan.edit')),
    pageTitle(t('plan.edit')),
  ];
  if (plan.status !== 'draft' || !canWrite()) {
    replace(view, ...top, notice('warning', t('plan.edit_not_draft')),
      h('p', null, h('a', { href: `#/plans/${plan.id}` }, heading)));
    return;
  }
  const message = h('div', { 'aria-live': 'polite', 'data-testid': 'edit-message' });
  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': 'save-edit' },
    t('plan.edit_save'));
  const form = h('form', {
    class: 'editor card plan-edit', novalidate: true,
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const problem = validate(doc);
      if (problem) {
        replace(message, notice('error', problem));
        message.scrollIntoView({ block: 'nearest' });
        return;
      }
      save.disabled = true;
      try {
        await patch(`/plans/${plan.id}`, { document: doc, revision: plan.revision });
        navigate(`/plans/${plan.id}?saved=1`);
      } catch (err) {
        save.disabled = false;
        if (err instanceof ApiError && err.status === 409 && err.code === 'conflict') {
          replace(message, notice('error',
            h('span', { 'data-testid': 'edit-conflict' }, t('plan.edit_conflict')), ' ',
            h('button', {
              type: 'button', 'data-testid': 'edit-reload',
              onclick: () => void renderPlanEdit(view, match),
            }, t('plan.edit_reload'))));
        } else {
          replace(message, notice('error', errorText(err)));
        }
        message.scrollIntoView({ block: 'nearest' });
      }
    },
  },
  h('p', { class: 'muted' }, t('plan.edit_hint')),
  documentForm(doc),
  h('div', { class: 'form-actions' }, save, back));
  replace(view, ...top, message, form);
}
