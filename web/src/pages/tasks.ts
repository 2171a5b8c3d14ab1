// The task board of a unit: its own tasks and those a published plan of a level above assigns to
// it (named with the assigning plan), filters (overdue, due this week, ongoing), the standing
// counts, and per task its status, progress and evidence link (PATCH /tasks/{id}) with a detail
// panel (pages/task-detail.ts). Assigned tasks are read-only where the API says can_update false.
import { API_BASE, get, patch, withQuery } from '../api';
import {
  badge, emptyRow, errorText, loading, notice, pageTitle, standingBadge, statusBadge,
  unitSelect,
} from '../components';
import { field, h, replace, type Child } from '../dom';
import { formatDate, formatNumber, todayIso } from '../format';
import { label, t, type MessageKey } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import { canWrite, currentUser } from '../session';
import type { Task, TaskList, TaskUnitName } from '../types';
import { taskDetails } from './task-detail';

const FILTERS: { code: string; key: MessageKey }[] = [
  { code: 'all', key: 'tasks.filter.all' },
  { code: 'overdue', key: 'tasks.filter.overdue' },
  { code: 'week', key: 'tasks.filter.week' },
  { code: 'ongoing', key: 'tasks.filter.ongoing' },
];

function queryFor(filter: string): Record<string, string> {
  switch (filter) {
    case 'overdue': return { standing: 'open_overdue' };
    case 'week': return { due_before: todayIso(7) };
    case 'ongoing': return { status: 'in_progress' };
    default: return {};
  }
}

export async function renderTasks(view: HTMLElement, match: RouteMatch): Promise<void> {
  const unit = match.query.get('unit') ?? currentUser()?.unit.code ?? '';
  const filter = match.query.get('filter') ?? 'all';
  const select = await unitSelect(unit);
  select.setAttribute('aria-label', t('common.unit'));
  select.addEventListener('change', () => navigate(link('/tasks', { unit: select.value, filter })));
  const list = h('div', null, loading());
  replace(view,
    pageTitle(t('tasks.title'), h('a', {
      class: 'button', href: withQuery(`${API_BASE}/tasks/export.xlsx`, { unit }), download: '',
      'data-testid': 'tasks-xlsx',
    }, t('export.tasks_xlsx'))),
    h('div', { class: 'filters' }, select,
      h('div', { class: 'chips', role: 'group', 'aria-label': t('tasks.filters') },
        FILTERS.map((f) => h('a', {
          class: 'chip', href: link('/tasks', { unit, filter: f.code }),
          'aria-current': f.code === filter ? 'true' : null,
        }, t(f.key))))),
    list);
  try {
    const answer = await get<TaskList & AssignedCounts>('/tasks', { unit, ...queryFor(filter) });
    // "Due this week" means still open; the server's due_before does not know that.
    const tasks = filter === 'week'
      ? answer.tasks.filter((k) => k.status !== 'done') : answer.tasks;
    const counts = answer.counts ?? {};
    replace(list,
      answer.unit ? h('p', { class: 'board-unit', 'data-testid': 'board-unit' },
        h('strong', null, `${t('common.unit')}: `), answer.unit.name,
        assignedSummary(answer.assigned_counts)) : null,
      h('ul', { class: 'counts' },
        (['open_overdue', 'open_within_term', 'no_deadline', 'done_on_time', 'done_late'] as const)
          .map((k) => h('li', { class: `count-${k}` },
            h('span', { class: 'n' }, formatNumber(counts[k] ?? 0)), ' ', label('standing', k)))),
      tasks.length === 0 ? emptyRow(t('tasks.none')) :
        h('div', { class: 'task-board' }, tasks.map((k) => taskCard(k))));
  } catch (err) {
    replace(list, notice('error', errorText(err)));
  }
}

// GET /tasks counts the assigned tasks apart from the unit's own (docs/api.md).
interface AssignedCounts {
  assigned_counts?: Partial<Record<string, number>>;
}

// The server's `counts` cover the unit's own tasks; the assigned ones, counted by the server on
// the same terms in `assigned_counts`, are summed up here and said to be outside the counts.
function assignedSummary(counts: AssignedCounts['assigned_counts']): HTMLElement | null {
  const parts = Object.entries(counts ?? {}).filter(([, n]) => (n ?? 0) > 0);
  const total = parts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (total === 0) return null;
  return h('span', { class: 'muted' }, ` · ${t('tasks.assigned_count', {
    n: formatNumber(total),
    detail: parts.map(([standing, n]) => `${formatNumber(n ?? 0)} ${label('standing', standing)}`)
      .join(', '),
  })}`);
}

// A task the caller may not change: its state as text instead of a disabled form.
function readOnlyState(task: Task): HTMLElement {
  return h('p', { class: 'small', 'data-testid': 'task-state' },
    h('strong', null, `${t('common.status')}: `), statusBadge(task.status),
    ` · ${t('task.progress')}: ${formatNumber(task.progress ?? 0)}`,
    task.evidence_link ? [' · ', h('a', { href: task.evidence_link, rel: 'noopener noreferrer',
      target: '_blank' }, t('task.evidence'))] : null);
}

// "Tỉnh Đắk Lắk" for a resolved name, the written name otherwise.
function unitNames(units: TaskUnitName[] | undefined, written: string[]): string {
  return units?.length ? units.map((u) => u.unit_name ?? u.name).join('; ') : written.join('; ');
}

function deadlineLine(task: Task): Child[] {
  return [h('strong', null, `${t('task.deadline')}: `),
    [task.deadline_text, task.deadline_date ? `(${formatDate(task.deadline_date)})` : null]
      .filter(Boolean).join(' ') || '—', ' ', standingBadge(task.standing)];
}

// Where the task comes from: the unit's own plan, or a plan of a level above that assigns it.
function origin(task: Task): HTMLElement {
  const by = task.source === 'assigned' ? task.assigned_by : null;
  const planId = by?.plan_id ?? task.plan_id;
  const number = (by ? by.plan_number : task.plan_number) ?? t('plan.no_number');
  const title = by ? by.plan_title : task.plan_title;
  return h('p', { class: 'task-meta' },
    by ? [badge('assigned', t('tasks.assigned')), ' ', t('tasks.assigned_by'), ' '] : null,
    h('a', { href: `#/plans/${planId}` }, number),
    title ? h('span', null, ` · ${title}`) : null,
    by?.unit_name ? h('span', { class: 'muted' }, ` (${by.unit_name})`) : null,
    task.group ? h('span', { class: 'muted' }, ` · ${task.group}`) : null);
}

function taskCard(task: Task): HTMLElement {
  const message = h('div', { 'aria-live': 'polite' });
  const status = h('select', { name: 'status' },
    ['not_started', 'in_progress', 'done'].map((s) =>
      h('option', { value: s, selected: s === task.status }, label('status', s))));
  const progress = h('input', {
    type: 'number', name: 'progress', min: '0', max: '100', step: '5',
    value: String(task.progress ?? 0),
  });
  const evidence = h('input', {
    type: 'url', name: 'evidence_link', value: task.evidence_link ?? '',
    placeholder: 'https://…',
  });
  const deadline = h('p', { class: 'small', 'data-testid': 'task-deadline' }, deadlineLine(task));
  const writable = canWrite() && task.can_update !== false;
  return h('article', {
    class: 'card task-card', 'data-task-id': String(task.id), 'data-source': task.source ?? 'own',
  },
    origin(task),
    h('h3', null, task.text),
    h('p', { class: 'small' },
      task.lead.length ? [h('strong', null, `${t('task.lead')}: `),
        unitNames(task.lead_units, task.lead)] : null),
    task.coordinators.length ? h('p', { class: 'small' },
      h('strong', null, `${t('task.coordinators')}: `),
      unitNames(task.coordinator_units, task.coordinators)) : null,
    deadline,
    task.can_update === false ? h('p', { class: 'small muted', 'data-testid': 'read-only' },
      t('tasks.read_only')) : null,
    writable ? null : readOnlyState(task),
    writable ? h('form', {
      class: 'task-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const pct = Number(progress.value);
        if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
          replace(message, notice('error', t('tasks.bad_progress')));
          return;
        }
        try {
          const updated = await patch<Task>(`/tasks/${task.id}`, {
            status: status.value, progress: Math.round(pct), evidence_link: evidence.value.trim(),
          });
          if (updated?.standing) replace(deadline, deadlineLine(updated));
          replace(message, notice('success', t('common.saved')));
        } catch (err) {
          replace(message, notice('error', errorText(err)));
        }
      },
    },
    h('div', { class: 'three' },
      field(t('common.status'), status),
      field(t('task.progress'), progress),
      field(t('task.evidence'), evidence)),
    h('button', { type: 'submit' }, t('common.save')),
    message) : null,
    taskDetails(task, writable, (updated) => {
      replace(deadline, deadlineLine(updated));
    }));
}
