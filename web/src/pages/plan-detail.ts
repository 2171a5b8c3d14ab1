// One plan: header, legal bases (linked to plans already in the system), sections, themes,
// phases and tasks; status change; "derive" (build this unit's implementation plan) and the
// coverage matrix (units × themes) when the server offers them.
import { API_BASE, ApiError, get, patch, post } from '../api';
import {
  badge, emptyRow, errorText, loading, notice, pageTitle, statusBadge, table,
  unitSelect, unitsBelow,
} from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber } from '../format';
import { label, t } from '../i18n';
import { navigate, type RouteMatch } from '../router';
import { canPublish, canWrite } from '../session';
import type { Coverage, PlanDetail } from '../types';
import { reportingSection } from './plan-reporting';

export async function renderPlanDetail(view: HTMLElement, match: RouteMatch): Promise<void> {
  const id = match.params[0];
  replace(view, loading());
  let plan: PlanDetail;
  try {
    plan = await get<PlanDetail>(`/plans/${id}`);
  } catch (err) {
    document.title = `${t('plan.not_found')} · lienthong`;
    replace(view, h('div', { 'data-testid': 'plan-not-found' },
      notice('error', err instanceof ApiError && err.status === 404
        ? t('plan.not_found') : errorText(err)),
      h('p', null, h('a', { href: '#/plans' }, t('plan.back')))));
    return;
  }
  const doc = plan.document;
  const heading = [doc.doc_type, doc.number].filter(Boolean).join(' ') || t('plan.untitled');
  const message = h('div', { 'aria-live': 'polite' },
    match.query.get('saved') ? notice('success', t('plan.edit_saved')) : null);

  replace(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, t('nav.plans')), ' › ', heading),
    pageTitle(doc.title ?? heading, plan.status === 'draft' && canWrite() ? h('a', {
      class: 'button primary', href: `#/plans/${plan.id}/edit`, 'data-testid': 'edit-plan',
    }, t('plan.edit')) : null, h('a', {
      class: 'button', href: `${API_BASE}/plans/${plan.id}/export.docx`, download: '',
      'data-testid': 'plan-docx',
    }, t('export.docx'))),
    message,
    h('section', { class: 'card plan-header', 'data-testid': 'plan-header' },
      h('dl', { class: 'facts' },
        fact(t('plan.doc_type'), doc.doc_type),
        fact(t('plan.number'), doc.number),
        fact(t('plan.date'), formatDate(doc.date)),
        fact(t('plan.place'), doc.place),
        fact(t('plan.issuer'), [doc.parent_issuer, doc.issuer].filter(Boolean).join(' — ')),
        fact(t('common.unit'), plan.unit_code),
        h('div', null, h('dt', null, t('common.status')), h('dd', { 'data-testid': 'plan-status' }, statusBadge(plan.status))),
        doc.signer ? fact(t('plan.signer'),
          [doc.signer.title, doc.signer.name].filter(Boolean).join(' ')) : null),
      canPublish() ? statusControl(plan, message) : null),
    deriveSection(plan, message),
    section(t('plan.legal_bases'), !plan.legal_bases?.length ? null :
      h('ul', { class: 'plain' }, plan.legal_bases.map((b) => h('li', null,
        b.plan_id !== null && b.plan_id !== undefined
          ? h('a', { href: `#/plans/${b.plan_id}` }, b.symbol || b.text)
          : h('strong', null, b.symbol || ''),
        b.text && b.text !== b.symbol ? h('span', { class: 'muted' }, ` — ${b.text}`) : null)))),
    section(t('plan.sections'), !doc.sections?.length ? null :
      h('ol', { class: 'roman' }, doc.sections.map((s) => h('li', null, s)))),
    section(t('plan.themes'), !doc.themes?.length ? null :
      h('ul', { class: 'plain', 'data-testid': 'plan-themes' }, doc.themes.map((th) =>
        h('li', null, th.label ? h('strong', null, `${th.label}. `) : null, th.title)))),
    section(t('plan.phases'), !doc.phases?.length ? null : table(
      [t('plan.phase'), t('plan.period'), t('plan.objective')],
      doc.phases.map((p) => [p.name ?? '', p.period ??
        [formatDate(p.start), formatDate(p.end)].filter(Boolean).join(' – '), p.objective ?? '']))),
    section(t('plan.tasks', { n: formatNumber(plan.tasks.length) }),
      !plan.tasks.length ? null : table(
        [t('task.group'), t('task.text'), t('task.lead'), t('task.coordinators'),
          t('task.deadline'), t('common.status')],
        plan.tasks.map((k) => [
          k.group ?? '',
          k.text,
          (k.lead ?? []).join('; '),
          (k.coordinators ?? []).join('; '),
          [k.deadline_text, k.deadline_date ? `(${formatDate(k.deadline_date)})` : null]
            .filter(Boolean).join(' '),
          h('span', null, statusBadge(k.status)),
        ]))),
    reportingSection(plan.id),
    coverageSection(plan));
}

function fact(name: string, value: string | null | undefined): HTMLElement | null {
  return h('div', null, h('dt', null, name), h('dd', null, value || '—'));
}

function section(title: string, body: HTMLElement | null): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), body ?? emptyRow(t('common.none')));
}

function statusControl(plan: PlanDetail, message: HTMLElement): HTMLElement {
  const select = h('select', { name: 'status', 'aria-label': t('common.status') },
    ['draft', 'published', 'archived'].map((s) =>
      h('option', { value: s, selected: s === plan.status }, label('status', s))));
  return h('form', {
    class: 'inline-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        await patch(`/plans/${plan.id}`, { status: select.value });
        plan.status = select.value as PlanDetail['status'];
        const shown = document.querySelector('[data-testid=plan-status]');
        if (shown) replace(shown, statusBadge(plan.status));
        replace(message, notice('success', t('plan.status_saved')));
      } catch (err) {
        select.value = plan.status;
        replace(message, notice('error', errorText(err)));
      }
    },
  }, field(t('plan.change_status'), select), h('button', { type: 'submit' }, t('common.save')));
}

// "Xây dựng kế hoạch thực hiện": POST /plans/{id}/derive {unit} → the new draft plan.
function deriveSection(plan: PlanDetail, message: HTMLElement): HTMLElement | null {
  if (!canWrite()) return null;
  const holder = h('div', { class: 'derive' });
  const button = h('button', {
    type: 'button', class: 'primary', 'data-testid': 'derive',
    onclick: async () => {
      button.disabled = true;
      // An implementation plan belongs to a unit below this plan's unit.
      const select = await unitSelect(null, 'unit', (units) => unitsBelow(units, plan.unit_code));
      if (select.options.length === 0) {
        replace(holder, notice('info', t('derive.no_units')));
        return;
      }
      const form = h('form', {
        class: 'inline-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            const answer = await post<{ id?: number; plan?: { id: number } }>(
              `/plans/${plan.id}/derive`, { unit: select.value });
            const newId = answer?.id ?? answer?.plan?.id;
            if (newId !== undefined) navigate(`/plans/${newId}`);
            else replace(message, notice('success', t('derive.done')));
          } catch (err) {
            replace(message, notice('error', errorText(err)));
          }
        },
      }, field(t('derive.unit'), select), h('button', { type: 'submit', class: 'primary' },
        t('derive.create')));
      replace(holder, form);
    },
  }, t('derive.button'));
  replace(holder, h('p', { class: 'muted' }, t('derive.explain')), button);
  return h('section', { class: 'card' }, h('h2', null, t('derive.button')), holder);
}

// Coverage: for each unit below, whether its plan was issued (on time) and covers each theme.
function coverageSection(plan: PlanDetail): HTMLElement | null {
  const body = h('div', null, loading());
  const box = h('section', { class: 'card', 'data-testid': 'coverage' },
    h('h2', null, t('coverage.title')), body);
  void (async () => {
    try {
      const c = await get<Coverage>(`/plans/${plan.id}/coverage`);
      replace(body, coverageView(c));
    } catch (err) {
      replace(body, notice('error', errorText(err)));
    }
  })();
  return box;
}

function coverageView(c: Coverage): HTMLElement {
  const s = c.summary;
  const head = h('p', { class: 'summary' },
    t('coverage.summary', {
      required: formatNumber(s.required), issued: formatNumber(s.issued),
      late: formatNumber(s.late), missing: formatNumber(s.missing),
    }),
    s.drafting ? ` · ${t('coverage.drafting_n', { n: formatNumber(s.drafting) })}` : null);
  // Column names: the theme's own numbering when it has one, else its position.
  const themeName = (th: Coverage['themes'][number], i: number) =>
    `${t('coverage.theme_short')}${th.label || i + 1}`;
  if (c.units.length === 0) return h('div', null, head, emptyRow(t('coverage.no_units')));
  const legend = h('ol', { class: 'plain small' }, c.themes.map((th, i) =>
    h('li', null, h('strong', null, `${themeName(th, i)}: `), th.title)));
  const rows = c.units.map((u) => h('tr', null,
    h('th', { scope: 'row' }, u.name, h('br'),
      u.plan ? h('a', { href: u.plan.id ? `#/plans/${u.plan.id}` : '#' },
        u.plan.number ?? t('plan.no_number')) : badge('missing', t('coverage.missing')),
      u.plan && u.plan.issued === false ? [' ', badge('draft', t('coverage.drafting'))] : null,
      u.late ? [' ', badge('late', t('coverage.late'))] : null),
    c.themes.map((th) => {
      const cell = u.themes.find((x) => x.index === th.index);
      const covered = cell?.covered ?? false;
      return h('td', {
        class: covered ? 'cov-yes' : 'cov-no',
        title: cell?.passage ?? '',
        'aria-label': `${th.title}: ${covered ? t('coverage.covered') : t('coverage.not_covered')}`,
      }, u.plan ? (covered ? '✓' : '✗') : '–');
    })));
  return h('div', null, head,
    h('p', { class: 'small muted scroll-hint' }, t('coverage.scroll_hint')),
    // Scrolls inside its own box; focusable so a keyboard can scroll it too.
    h('div', { class: 'matrix-wrap', tabindex: '0', role: 'region', 'aria-label': t('coverage.title') },
      h('table', { class: 'matrix' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('common.unit')),
        c.themes.map((th, i) => h('th', { scope: 'col', title: th.title }, themeName(th, i))))),
      h('tbody', null, rows))),
    legend);
}
