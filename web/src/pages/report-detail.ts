// One report (#/reports/{id}) or a slot with no report yet (#/reports/slot/{slotId}): indicator
// values (number, %, yes/no, text, N/A), the activity counts the server reads from the log, the
// five narrative parts; save a draft, submit; a manager above accepts or returns it with a
// comment; the versions and the DOCX export.
import { API_BASE, ApiError, get, post } from '../api';
import { emptyRow, errorText, loading, notice, pageTitle, table } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber } from '../format';
import { label, t } from '../i18n';
import { navigate, type RouteMatch } from '../router';
import { canPublish, canWrite, currentUser } from '../session';
import {
  NARRATIVE_PARTS, type ActivityOptions, type Indicator, type IndicatorValue, type Report,
  type ReportSlot,
} from '../types';
import { planNames, reportStatusBadge } from './reports';
import { valueControl, type ValueControl } from './report-values';

// A slot's report as the form shows it before anything is saved.
function blankReport(slot: ReportSlot, indicators: Indicator[]): Report {
  return {
    id: 0, slot_id: slot.slot_id, plan_id: slot.plan_id, unit: slot.unit, period: slot.period,
    due: slot.due, version: 0, status: 'missing', late: slot.late, review_comment: '',
    submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, versions: [],
    activity_counts: [],
    values: indicators.map((i) => ({
      code: i.code, name: i.name, type: i.type, unit_label: i.unit_label ?? '', value: null,
      not_applicable: false,
    })),
    narrative: { highlights: '', shortcomings: '', causes: '', lessons: '', recommendations: '' },
  };
}

async function loadSlot(slotId: string, unit: string): Promise<Report> {
  const slots = (await get<{ slots: ReportSlot[] }>('/reports', { unit, limit: 5000 })).slots;
  const slot = slots.find((s) => String(s.slot_id) === slotId);
  if (!slot) throw new ApiError(404, 'not_found', `slot ${slotId}`);
  if (slot.report_id) return get<Report>(`/reports/${slot.report_id}`);
  const indicators = (await get<{ indicators: Indicator[] }>(
    `/plans/${slot.plan_id}/indicators`)).indicators;
  return blankReport(slot, indicators);
}

export async function renderReportDetail(view: HTMLElement, match: RouteMatch): Promise<void> {
  replace(view, loading());
  const bySlot = match.params.length > 1 && match.params[0] === 'slot';
  const id = match.params[match.params.length - 1];
  let report: Report;
  try {
    report = bySlot ? await loadSlot(id, match.query.get('unit') ?? currentUser()?.unit.code ?? '')
      : await get<Report>(`/reports/${id}`);
  } catch (err) {
    document.title = `${t('reports.not_found')} · lienthong`;
    replace(view, notice('error', err instanceof ApiError && err.status === 404
      ? t('reports.not_found') : errorText(err)),
    h('p', null, h('a', { href: '#/reports' }, t('reports.back'))));
    return;
  }
  const names = await planNames([report.plan_id]);
  const flash = takeNotice();
  replace(view, ...(await reportView(report, names.get(report.plan_id) ?? '',
    flash)));
}

async function reportView(report: Report, planName: string, flash: string | null):
  Promise<HTMLElement[]> {
  const message = h('div', { 'aria-live': 'polite', 'data-testid': 'report-message' },
    flash ? notice('success', flash) : null);
  const user = currentUser();
  const own = user?.unit.code === report.unit.code;
  const editable = canWrite() && own &&
    ['missing', 'draft', 'returned'].includes(report.status);
  const reviewable = canPublish() && !own && report.status === 'submitted';
  const controls = report.values.map((v) => valueControl(v, editable));
  const narrative = NARRATIVE_PARTS.map((part) => h('textarea', {
    name: part, rows: 3, value: report.narrative[part] ?? '', disabled: !editable,
  }));
  const title = `${t('reports.report_of', { unit: report.unit.name })} — ${report.period.label}`;
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '#/reports' }, t('reports.title')), ' › ',
      report.unit.name),
    pageTitle(title, report.id ? h('a', {
      class: 'button', href: `${API_BASE}/reports/${report.id}/export.docx`, download: '',
      'data-testid': 'report-docx',
    }, t('export.docx')) : null),
    h('section', { class: 'card', 'data-testid': 'report-header' }, h('dl', { class: 'facts' },
      fact(t('reports.plan'), h('a', { href: `#/plans/${report.plan_id}` }, planName)),
      fact(t('reports.period'), `${report.period.label} (${formatDate(report.period.start)} – ${
        formatDate(report.period.end)})`),
      fact(t('reports.due'), formatDate(report.due)),
      fact(t('common.status'), reportStatusBadge(report.status, report.late)),
      report.version ? fact(t('reports.version'), String(report.version)) : null,
      report.submitted_at ? fact(t('reports.submitted_at'), formatDate(report.submitted_at)) : null)),
    report.review_comment ? notice('warning', h('strong', null, `${t('reports.comment')}: `),
      h('span', { 'data-testid': 'review-comment' }, report.review_comment)) : null,
    message,
    h('section', { class: 'card' }, h('h2', null, t('reports.indicators')),
      controls.length === 0 ? emptyRow(t('reports.no_indicators'))
        : h('div', { class: 'indicator-list' }, controls.map((c) => c.element))),
    await activitySection(report),
    h('section', { class: 'card' }, h('h2', null, t('reports.narrative')),
      NARRATIVE_PARTS.map((part, i) => field(label('narrative', part), narrative[i]))),
    editable ? editActions(report, controls, narrative) : null,
    reviewable ? reviewActions(report) : null,
    versionsSection(report),
  ].filter((x): x is HTMLElement => x !== null);
}

function fact(name: string, value: Node | string): HTMLElement {
  return h('div', null, h('dt', null, name), h('dd', null, value));
}

async function activitySection(report: Report): Promise<HTMLElement | null> {
  if (!report.id) return null;
  let channels = new Map<string, string>();
  try {
    const options = await get<ActivityOptions>('/activities/options', { unit: report.unit.code });
    channels = new Map(options.channels.map((c) => [c.code, c.label]));
  } catch {
    // Codes are shown instead of labels.
  }
  const counts = report.activity_counts ?? [];
  const total = counts.reduce((n, c) => n + c.count, 0);
  return h('section', { class: 'card', 'data-testid': 'activity-counts' },
    h('h2', null, t('reports.activities', { n: formatNumber(total) })),
    h('p', { class: 'muted small' }, t('reports.activities_hint')),
    counts.length === 0 ? emptyRow(t('common.none')) : table(
      [t('activity.theme'), t('activity.channel'), t('reports.count')],
      counts.map((c) => [c.theme || '—', channels.get(c.channel) ?? c.channel,
        formatNumber(c.count)])));
}

function collect(controls: ValueControl[], narrative: HTMLTextAreaElement[]):
  { values: { code: string; value: IndicatorValue; not_applicable: boolean }[];
    narrative: Record<string, string> } | string {
  const values = [];
  for (const c of controls) {
    const v = c.read();
    if (typeof v === 'string' && v.startsWith('!')) return v.slice(1);
    values.push(v as { code: string; value: IndicatorValue; not_applicable: boolean });
  }
  return {
    values,
    narrative: Object.fromEntries(NARRATIVE_PARTS.map((p, i) => [p, narrative[i].value.trim()])),
  };
}

// Errors show next to the buttons that caused them (on a phone the page top is far away).
function editActions(report: Report, controls: ValueControl[], narrative: HTMLTextAreaElement[]):
  HTMLElement {
  const message = h('div', { 'aria-live': 'polite', class: 'action-message' });
  const save = async (): Promise<Report | null> => {
    const body = collect(controls, narrative);
    if (typeof body === 'string') {
      replace(message, notice('error', body));
      return null;
    }
    try {
      return await post<Report>('/reports', { slot_id: report.slot_id, ...body });
    } catch (err) {
      replace(message, notice('error', errorText(err)));
      return null;
    }
  };
  const saveButton = h('button', {
    type: 'button', 'data-testid': 'save-draft',
    onclick: async () => {
      const saved = await save();
      if (saved) {
        navigate(`/reports/${saved.id}`);
        notify(t('reports.draft_saved'));
      }
    },
  }, t('reports.save_draft'));
  const submitButton = h('button', {
    type: 'button', class: 'primary', 'data-testid': 'submit-report',
    onclick: async () => {
      if (!confirm(t('reports.submit_confirm'))) return;
      const saved = await save();
      if (!saved) return;
      try {
        await post<Report>(`/reports/${saved.id}/submit`, {});
        navigate(`/reports/${saved.id}`);
        notify(t('reports.submitted'));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  }, report.status === 'returned' ? t('reports.resubmit') : t('reports.submit'));
  return h('div', { class: 'card form-actions', 'data-testid': 'edit-actions' },
    report.status === 'returned' ? h('p', { class: 'muted small' }, t('reports.new_version')) : null,
    message, saveButton, submitButton);
}

// A message that survives the navigation to the saved report's address.
let pending: string | null = null;
function notify(text: string): void {
  pending = text;
}
export function takeNotice(): string | null {
  const text = pending;
  pending = null;
  return text;
}

function reviewActions(report: Report): HTMLElement {
  const message = h('div', { 'aria-live': 'polite', class: 'action-message' });
  const comment = h('textarea', { name: 'comment', rows: 3 });
  const act = async (what: 'accept' | 'return') => {
    if (what === 'return' && !comment.value.trim()) {
      replace(message, notice('error', t('reports.comment_needed')));
      comment.focus();
      return;
    }
    try {
      await post<Report>(`/reports/${report.id}/${what}`,
        what === 'return' ? { comment: comment.value.trim() } : {});
      notify(what === 'accept' ? t('reports.accepted') : t('reports.returned'));
      navigate(`/reports/${report.id}`);
    } catch (err) {
      replace(message, notice('error', errorText(err)));
    }
  };
  return h('section', { class: 'card', 'data-testid': 'review' },
    h('h2', null, t('reports.review')),
    field(t('reports.comment'), comment, t('reports.comment_hint')),
    message,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', 'data-testid': 'return-report',
        onclick: () => void act('return') }, t('reports.return')),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'accept-report',
        onclick: () => void act('accept') }, t('reports.accept'))));
}

function versionsSection(report: Report): HTMLElement | null {
  if (report.versions.length < 2 && !report.versions.some((v) => v.review_comment)) return null;
  return h('section', { class: 'card', 'data-testid': 'versions' },
    h('h2', null, t('reports.versions')),
    table([t('reports.version'), t('common.status'), t('reports.submitted_at'),
      t('reports.comment')],
    report.versions.map((v) => [
      v.id === report.id ? String(v.version)
        : h('a', { href: `#/reports/${v.id}` }, String(v.version)),
      h('span', null, label('report_status', v.status)),
      formatDate(v.submitted_at), v.review_comment || '—'])));
}
