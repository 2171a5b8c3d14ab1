// Import a plan: upload a file as an import job (POST /imports; nothing stored), follow it page
// by page (GET /imports/{id}: "Đang đọc trang 3/12", "… (OCR) trang 2/5") with a button that
// cancels it (DELETE), read the parsed plan beside the original text, correct any field, choose
// the unit and save (POST /plans) — then the plan.
import { ApiError, del, get, post } from '../api';
import { errorText, notice, pageTitle, unitSelect } from '../components';
import { field, h, replace } from '../dom';
import { formatBytes } from '../format';
import { t } from '../i18n';
import { navigate, type RouteMatch } from '../router';
import { canWrite, currentUser } from '../session';
import type { ImportAnswer, ImportJob, PlanDocument } from '../types';
import { documentForm, validate } from './plan-form';

export function renderImport(view: HTMLElement, _match: RouteMatch): void {
  const fileInput = h('input', {
    type: 'file', name: 'file', required: true,
    accept: '.txt,.md,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,text/plain,application/pdf',
  });
  const message = h('div', { 'aria-live': 'polite' });
  const result = h('div');
  const submit = h('button', { type: 'submit', class: 'primary' }, t('import.read'));
  replace(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, t('nav.plans')), ' › ',
      t('import.title')),
    pageTitle(t('import.title')),
    canWrite() ? null : notice('warning', t('import.read_only')),
    h('form', {
      class: 'card upload',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const file = fileInput.files?.[0];
        if (!file) return;
        submit.disabled = true;
        replace(result);
        try {
          const answer = await readFile(file, message);
          if (!answer) return;  // cancelled: the message says so
          replace(message);
          if (answer.documents.length === 0) {
            replace(message, notice('warning', t('import.no_documents')));
          } else {
            await showEditor(result, answer, message);
          }
        } catch (err) {
          replace(message, notice('error', importErrorText(err)));
        } finally {
          submit.disabled = false;
        }
      },
    },
    field(t('import.file'), fileInput, t('import.formats')),
    submit),
    message,
    result);
}

const POLL_MS = 500;

// Reads `file` as an import job, showing its progress in `message` with a cancel button.
// The preview once read; null when the user cancelled; throws the job's error.
async function readFile(file: File, message: HTMLElement): Promise<ImportAnswer | null> {
  const data = new FormData();
  data.append('file', file, file.name);
  let job = await post<ImportJob>('/imports', data);
  let cancelled = false;
  const status = h('span', null, t('import.reading', { name: file.name }));
  const cancel = h('button', {
    type: 'button', 'data-testid': 'cancel-import',
    onclick: async () => {
      cancelled = true;
      cancel.disabled = true;
      await del(`/imports/${job.id}`).catch(() => undefined);
    },
  }, t('import.cancel'));
  replace(message, notice('info', h('span', { class: 'import-progress' }, status, ' ', cancel)));
  while (job.state === 'running') {
    if (!message.isConnected) {  // the user left the page: nobody waits for the reading
      await del(`/imports/${job.id}`).catch(() => undefined);
      return null;
    }
    replace(status, progressText(job));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (cancelled) break;
    job = await get<ImportJob>(`/imports/${job.id}`);
  }
  if (cancelled || job.state === 'cancelled') {
    replace(message, notice('warning', t('import.cancelled')));
    return null;
  }
  if (job.state === 'failed' || !job.result) {
    const e = job.error ?? { code: 'internal', message: '' };
    throw new ApiError(e.code === 'invalid_argument' ? 422 : 413, e.code, e.message, e.field ?? '');
  }
  return job.result;
}

function progressText(job: ImportJob): string {
  if (job.pages === 0) return t('import.reading', { name: job.name });
  return t(job.stage === 'ocr' ? 'import.progress_ocr' : 'import.progress_reading',
    { page: job.page, pages: job.pages });
}

// The errors of a reading a limit stopped, in words; the others as everywhere.
function importErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'import_memory_limit': return t('import.error.memory');
      case 'import_cpu_limit':
      case 'import_time_limit': return t('import.error.time');
      case 'import_cancelled': return t('import.cancelled');
      default: break;
    }
  }
  return errorText(err);
}

async function showEditor(holder: HTMLElement, answer: ImportAnswer, message: HTMLElement):
  Promise<void> {
  // Working copies: everything the parser gave is saved back, with the user's corrections.
  const docs: PlanDocument[] = answer.documents.map((d) => structuredClone(d));
  let index = 0;
  const unit = await unitSelect(currentUser()?.unit.code ?? null);
  const editor = h('div', { class: 'editor-fields' });
  const picker = docs.length > 1 ? h('select', {
    name: 'document', onchange: () => {
      index = Number(picker!.value);
      drawFields();
    },
  }, docs.map((d, i) => h('option', { value: String(i) },
    `${i + 1}. ${[d.doc_type, d.number].filter(Boolean).join(' ') || t('plan.untitled')}`))) : null;

  function drawFields(): void {
    replace(editor, documentForm(docs[index]));
  }
  drawFields();

  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': 'save-plan' },
    t('import.save'));
  // Saves the reviewed plan with the file held under answer.upload.id, so the original is kept
  // with the plan. A file saved before is refused (duplicate_file) with a link to that plan and
  // a button that saves it again anyway.
  const saveDocument = async (allowDuplicate: boolean): Promise<void> => {
    save.disabled = true;
    try {
      const saved = await post<{ id: number }>('/plans', {
        unit: unit.value, document: docs[index], upload_id: answer.upload.id,
        allow_duplicate: allowDuplicate,
      });
      navigate(`/plans/${saved.id}`);
    } catch (err) {
      save.disabled = false;
      replace(message, err instanceof ApiError && err.reason === 'duplicate_file'
        ? duplicateNotice(err, () => saveDocument(true))
        : notice('error', errorText(err)));
      message.scrollIntoView({ block: 'nearest' });
    }
  };
  const form = h('form', {
    class: 'editor card', novalidate: true,
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const problem = validate(docs[index]);
      if (problem) {
        replace(message, notice('error', problem));
        message.scrollIntoView({ block: 'nearest' });
        return;
      }
      await saveDocument(false);
    },
  },
  h('h2', null, t('import.parsed')),
  picker ? field(t('import.document'), picker, t('import.several', { n: docs.length })) : null,
  field(t('import.unit'), unit, t('import.unit_hint')),
  editor,
  h('div', { class: 'form-actions' }, save));

  replace(holder,
    h('div', { class: 'import-grid' },
      h('section', { class: 'card original' },
        h('h2', null, t('import.original')),
        h('p', { class: 'muted small' }, `${answer.file.name} · ${answer.file.format} · ` +
          formatBytes(answer.file.size)),
        h('pre', { class: 'source-text', tabindex: '0', 'data-testid': 'original-text' },
          answer.text)),
      form));
}

// The file was saved before: say so, link the plan saved from it, offer to save it again.
function duplicateNotice(err: ApiError, saveAgain: () => Promise<void>): HTMLElement {
  const earlier = Number(err.params.plan ?? 0);
  return notice('warning',
    h('span', null, t('import.duplicate')), ' ',
    earlier > 0 ? h('a', { href: `#/plans/${earlier}` }, t('import.duplicate_open')) : null, ' ',
    h('button', { type: 'button', 'data-testid': 'save-duplicate', onclick: saveAgain },
      t('import.duplicate_save')));
}
