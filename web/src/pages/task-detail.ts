// The detail panel of a task card on the board: the deadline in words (typed by the server into a
// date), evidence files (upload and download), the history of changes and the comments. It is an
// expandable panel rather than a page of its own so an official working down the board keeps
// their place, filter and unit; its data is read only when it is first opened.
import { ApiError, get, patch, request } from '../api';
import { emptyRow, errorText, loading, notice } from '../components';
import { field, h, replace, type Child } from '../dom';
import { formatBytes, formatDate, formatTimestamp } from '../format';
import { label, t } from '../i18n';
import { canWrite } from '../session';
import type { EvidenceFile, Task, TaskChange, TaskComment } from '../types';

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024; // the server's limit (docs/tasks.md)

// `writable`: the caller may change this task (its owners, specialist or above).
export function taskDetails(task: Task, writable: boolean,
  onUpdated: (task: Task) => void): HTMLElement {
  const body = h('div', { class: 'task-detail-body' }, loading());
  let loaded = false;
  const details = h('details', { class: 'task-detail', 'data-testid': 'task-detail' },
    h('summary', null, t('taskd.open')), body);
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    void fill(body, task, writable, onUpdated);
  });
  return details;
}

async function fill(body: HTMLElement, task: Task, writable: boolean,
  onUpdated: (task: Task) => void): Promise<void> {
  const files = h('div', { 'data-testid': 'evidence-files' }, loading());
  const history = h('div', { 'data-testid': 'task-history' }, loading());
  const comments = h('div', { 'data-testid': 'task-comments' }, loading());
  const reloadHistory = () => showHistory(history, task.id);
  replace(body,
    writable ? deadlineForm(task, (k) => { onUpdated(k); void reloadHistory(); }) : null,
    h('section', null, h('h4', null, t('taskd.evidence')), files,
      writable ? uploadForm(task.id, () => { void showFiles(files, task.id); void reloadHistory(); })
        : null),
    h('section', null, h('h4', null, t('taskd.comments')), comments,
      canWrite() ? commentForm(task.id, () => showComments(comments, task.id)) : null),
    h('section', null, h('h4', null, t('taskd.history')), history));
  await Promise.all([showFiles(files, task.id), reloadHistory(), showComments(comments, task.id)]);
}

function deadlineForm(task: Task, onUpdated: (task: Task) => void): HTMLElement {
  const input = h('input', {
    type: 'text', name: 'deadline', value: task.deadline_text ?? '', maxlength: 500,
  });
  const message = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'deadline-form', 'data-testid': 'deadline-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        const updated = await patch<Task>(`/tasks/${task.id}`, { deadline: input.value.trim() });
        onUpdated(updated);
        replace(message, deadlineNotice(updated));
      } catch (err) {
        // Words the server cannot read are refused (422 naming "deadline"), not saved as none.
        const unread = err instanceof ApiError && err.reason === 'deadline_unreadable';
        replace(message, notice('error', unread ? t('taskd.deadline_refused') : errorText(err)));
      }
    },
  },
  field(t('taskd.deadline_words'), input, t('taskd.deadline_hint')),
  h('button', { type: 'submit' }, t('taskd.deadline_save')),
  message);
}

// What the server made of the words: a date, "ongoing", or nothing it could read.
function deadlineNotice(task: Task): HTMLElement {
  if (!task.deadline_text) return notice('success', t('taskd.deadline_cleared'));
  if (task.deadline_date) {
    return notice('success', t('taskd.deadline_saved', { date: formatDate(task.deadline_date) }));
  }
  if (task.deadline_kind === 'ongoing') return notice('success', t('taskd.deadline_ongoing'));
  return notice('warning', t('taskd.deadline_unread'));
}

async function showFiles(box: HTMLElement, taskId: number): Promise<void> {
  try {
    const answer = await get<{ files: (EvidenceFile & Named)[] }>(`/tasks/${taskId}/evidence`);
    replace(box, answer.files.length === 0 ? emptyRow(t('taskd.no_files')) :
      h('ul', { class: 'file-list' }, answer.files.map((f) => h('li', null,
        h('a', { href: f.url, download: f.file_name }, f.file_name),
        h('span', { class: 'muted small' },
          ` · ${formatBytes(f.size)} · ${formatTimestamp(f.added_at)} · ${actorName(f.added_by, f.added_by_name)}`)))));
  } catch (err) {
    replace(box, notice('error', errorText(err)));
  }
}

function uploadForm(taskId: number, onAdded: () => void): HTMLElement {
  const input = h('input', { type: 'file', name: 'file', required: true });
  const message = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'upload-form', 'data-testid': 'evidence-upload',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const file = input.files?.[0];
      if (!file) return;
      if (file.size > MAX_EVIDENCE_BYTES) {
        replace(message, notice('error', t('taskd.file_too_large')));
        return;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        await request<EvidenceFile>('POST', `/tasks/${taskId}/evidence`, form);
        input.value = '';
        replace(message, notice('success', t('taskd.file_added', { name: file.name })));
        onAdded();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  field(t('taskd.file'), input, t('taskd.file_hint')),
  h('button', { type: 'submit' }, t('taskd.upload')),
  message);
}

async function showComments(box: HTMLElement, taskId: number): Promise<void> {
  try {
    const answer = await get<{ comments: (TaskComment & Named)[] }>(`/tasks/${taskId}/comments`);
    replace(box, answer.comments.length === 0 ? emptyRow(t('taskd.no_comments')) :
      h('ol', { class: 'comment-list' }, answer.comments.map((c) => h('li', null,
        h('p', { class: 'small muted' }, [formatTimestamp(c.at), actorName(c.actor, c.actor_name),
          c.unit?.name].filter(Boolean).join(' · ')),
        h('p', { class: 'comment-text' }, c.text)))));
  } catch (err) {
    replace(box, notice('error', errorText(err)));
  }
}

function commentForm(taskId: number, onAdded: () => Promise<void>): HTMLElement {
  const text = h('textarea', { name: 'comment', rows: 3, maxlength: 4000, required: true });
  const message = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'comment-form', 'data-testid': 'comment-form',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      if (text.value.trim() === '') return;
      try {
        await request<TaskComment>('POST', `/tasks/${taskId}/comments`, { text: text.value.trim() });
        text.value = '';
        replace(message);
        await onAdded();
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  field(t('taskd.comment'), text),
  h('button', { type: 'submit' }, t('taskd.comment_send')),
  message);
}

async function showHistory(box: HTMLElement, taskId: number): Promise<void> {
  try {
    const answer = await get<{ history: (TaskChange & Named)[] }>(`/tasks/${taskId}/history`);
    replace(box, answer.history.length === 0 ? emptyRow(t('taskd.no_history')) :
      h('ol', { class: 'history-list' }, answer.history.map((c) => h('li', null,
        h('p', { class: 'small muted' }, `${formatTimestamp(c.at)} · ${actorName(c.actor, c.actor_name)}`),
        h('ul', null, changedFields(c).map((line) => h('li', null, line))),
        c.note ? h('p', { class: 'comment-text' }, c.note) : null))));
  } catch (err) {
    replace(box, notice('error', errorText(err)));
  }
}

// One line per field that changed: "Trạng thái: Chưa thực hiện → Đang thực hiện".
function changedFields(c: TaskChange): Child[] {
  const before = c.before ?? {};
  const after = c.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${fieldName(k)}: ${show(k, before[k])} → ${show(k, after[k])}`);
}

function fieldName(key: string): string {
  switch (key) {
    case 'status': return t('common.status');
    case 'progress': return t('task.progress');
    case 'evidence_link': return t('task.evidence');
    case 'completed_on': return t('taskd.completed_on');
    case 'deadline': return t('task.deadline');
    case 'evidence': return t('taskd.file');
    default: return key;
  }
}

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'status') return label('status', String(value));
  if (key === 'completed_on') return formatDate(String(value));
  if (key === 'deadline' && typeof value === 'object') {
    const d = value as { text?: string | null; date?: string | null };
    if (!d.text) return '—';
    return d.date ? `${d.text} (${formatDate(d.date)})` : d.text;
  }
  if (key === 'evidence' && typeof value === 'object') {
    return (value as { file_name?: string }).file_name ?? '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Who did it: the account's display name the server joins (`actor_name`, `added_by_name`), else
// the actor "web:username" without its channel.
function actorName(actor: string, name?: string): string {
  return name || actor.replace(/^web:/, '');
}

// The display names the server adds beside actors (docs/api.md, task details).
type Named = { actor_name?: string; added_by_name?: string };
