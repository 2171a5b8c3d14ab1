// The editing form of one plan document (header, legal bases, themes, tasks), shared by the
// import review (plan-import.ts) and the edit of a draft plan (plan-edit.ts). It edits the object
// it is given in place.
import { notice } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate } from '../format';
import { label, t } from '../i18n';
import type { DocTask, Phase, PlanDocument } from '../types';

// Returns the first problem in the corrected document, or null.
export function validate(doc: PlanDocument): string | null {
  if (doc.date !== null && parseDate(doc.date) === undefined) return t('import.bad_date');
  for (const [i, phase] of (doc.phases ?? []).entries()) {
    for (const d of [phase.start, phase.end]) {
      if (d !== null && d !== undefined && parseDate(d) === undefined) {
        return t('form.phase_bad_date', { n: i + 1 });
      }
    }
  }
  for (const [i, task] of doc.tasks.entries()) {
    if (!task.text.trim()) return t('import.task_empty', { n: i + 1 });
    if (task.deadline_date !== null && parseDate(task.deadline_date) === undefined) {
      return t('import.task_bad_date', { n: i + 1 });
    }
  }
  return null;
}

export function documentForm(doc: PlanDocument): HTMLElement {
  const notes = warningTexts(doc);
  const warnings = notes.length ? notice('warning',
    h('strong', null, t('import.warnings')),
    h('ul', null, notes.map((w) => h('li', null, w)))) : null;
  uncertainWords(doc);  // before the fields below are built: checked() marks them
  const themes = h('div', { class: 'rows' });
  const tasks = h('div', { class: 'rows' });
  const drawThemes = () => replace(themes,
    doc.themes.map((th, i) => h('div', { class: 'row theme-row' },
      h('input', {
        name: `theme-label-${i}`, class: 'short', value: th.label ?? '',
        'aria-label': t('import.theme_label', { n: i + 1 }),
        // An empty label is stored as an empty text, as a cleared one always was.
        oninput: (e: Event) => { th.label = (e.target as HTMLInputElement).value; },
      }),
      h('input', {
        name: `theme-title-${i}`, value: th.title,
        'aria-label': t('import.theme_title', { n: i + 1 }),
        oninput: (e: Event) => { th.title = (e.target as HTMLInputElement).value; },
      }),
      h('button', {
        type: 'button', class: 'link-button danger',
        onclick: () => { doc.themes.splice(i, 1); drawThemes(); },
      }, t('common.remove')))),
    h('button', {
      type: 'button',
      onclick: () => {
        doc.themes.push({ label: String(doc.themes.length + 1), title: '' });
        drawThemes();
      },
    }, t('import.add_theme')));
  const drawTasks = () => replace(tasks,
    doc.tasks.map((task, i) => taskEditor(task, i, () => { doc.tasks.splice(i, 1); drawTasks(); })),
    h('button', {
      type: 'button',
      onclick: () => {
        doc.tasks.push({
          group: null, text: '', lead: [], coordinators: [], deadline: null,
          deadline_date: null, deadline_kind: null, from: 'item',
        });
        drawTasks();
      },
    }, t('import.add_task')));
  const phases = h('div', { class: 'rows' });
  const drawPhases = () => replace(phases,
    (doc.phases ?? []).map((p, i) => phaseEditor(p, i, () => { doc.phases.splice(i, 1); drawPhases(); })),
    h('button', {
      type: 'button',
      onclick: () => {
        doc.phases = doc.phases ?? [];
        doc.phases.push({
          name: '', start: null, end: null, objective: null, period: null, targets: [] });
        drawPhases();
      },
    }, t('form.add_phase')));
  drawThemes();
  drawPhases();
  drawTasks();

  return h('div', null,
    warnings,
    uncertainPanel(doc),
    h('fieldset', null, h('legend', null, t('import.header')),
      textInput(t('plan.doc_type'), 'doc_type', doc.doc_type, (v) => { doc.doc_type = v; }),
      textInput(t('plan.number'), 'number', doc.number, (v) => { doc.number = v; }),
      textArea(t('plan.title'), 'title', doc.title, (v) => { doc.title = v; }),
      dateInput(t('plan.date'), 'date', doc.date, (v) => { doc.date = v; }),
      textInput(t('plan.issuer'), 'issuer', doc.issuer, (v) => { doc.issuer = v; }),
      textInput(t('plan.parent_issuer'), 'parent_issuer', doc.parent_issuer,
        (v) => { doc.parent_issuer = v; }),
      textInput(t('plan.place'), 'place', doc.place, (v) => { doc.place = v; })),
    h('fieldset', null, h('legend', null, t('plan.legal_bases')),
      field(t('plan.legal_bases'), h('textarea', {
        name: 'legal_bases', rows: String(Math.min(8, Math.max(2, doc.legal_bases.length + 1))),
        value: doc.legal_bases.join('\n'),
        oninput: (e: Event) => setLegalBases(doc, (e.target as HTMLTextAreaElement).value
          .split('\n').map((s) => s.trim()).filter(Boolean)),
      }), t('form.legal_one_per_line'))),
    h('fieldset', null, h('legend', null, t('plan.themes')), themes),
    h('fieldset', null, h('legend', null, t('plan.phases')), phases),
    h('fieldset', null, h('legend', null, t('import.tasks', { n: doc.tasks.length })), tasks));
}

// The bases by symbol; the paragraph each was read from (legal_basis_details) stays with a basis
// kept and goes with one removed (the server would otherwise add it back from its paragraph).
function setLegalBases(doc: PlanDocument, symbols: string[]): void {
  doc.legal_bases = symbols;
  const details = doc.legal_basis_details;
  if (Array.isArray(details)) {
    doc.legal_basis_details = details.filter((d: { symbol?: unknown }) =>
      typeof d?.symbol === 'string' && symbols.includes(d.symbol));
  }
}

function phaseEditor(phase: Phase, i: number, remove: () => void): HTMLElement {
  return h('fieldset', { class: 'task-editor', 'data-testid': `phase-${i}` },
    h('legend', null, t('form.phase_n', { n: i + 1 })),
    textInput(t('plan.phase'), `phase-name-${i}`, phase.name, (v) => { phase.name = v ?? ''; }),
    textInput(t('plan.period'), `phase-period-${i}`, phase.period, (v) => { phase.period = v; }),
    h('div', { class: 'two' },
      dateInput(t('form.phase_start'), `phase-start-${i}`, phase.start, (v) => { phase.start = v; }),
      dateInput(t('form.phase_end'), `phase-end-${i}`, phase.end, (v) => { phase.end = v; })),
    textArea(t('plan.objective'), `phase-objective-${i}`, phase.objective,
      (v) => { phase.objective = v; }),
    h('button', { type: 'button', class: 'link-button danger', onclick: remove },
      t('form.remove_phase')));
}

function taskEditor(task: DocTask, i: number, remove: () => void): HTMLElement {
  return h('fieldset', { class: 'task-editor', 'data-testid': `task-${i}` },
    h('legend', null, t('import.task_n', { n: i + 1 })),
    textInput(t('task.group'), `task-group-${i}`, task.group, (v) => { task.group = v; }),
    textArea(t('task.text'), `task-text-${i}`, task.text, (v) => { task.text = v ?? ''; }),
    listArea(t('task.lead'), `task-lead-${i}`, task.lead, (v) => { task.lead = v; }),
    listArea(t('task.coordinators'), `task-coordinators-${i}`, task.coordinators,
      (v) => { task.coordinators = v; }),
    h('div', { class: 'two' },
      textInput(t('task.deadline'), `task-deadline-${i}`, task.deadline,
        (v) => { task.deadline = v; }),
      dateInput(t('task.deadline_date'), `task-deadline-date-${i}`, task.deadline_date, (v) => {
        task.deadline_date = v;
        // A date typed for a deadline the parser could not place makes it a plain date.
        if (v && (task.deadline_kind === null || task.deadline_kind === 'unknown')) {
          task.deadline_kind = 'date';
        }
      })),
    h('button', { type: 'button', class: 'link-button danger', onclick: remove },
      t('import.remove_task')));
}

function nullable(v: string): string | null {
  const s = v.trim();
  return s === '' ? null : v;
}

function textInput(name: string, key: string, value: string | null,
  set: (v: string | null) => void): HTMLElement {
  return checked(value, field(name, h('input', {
    name: key, value: value ?? '',
    oninput: (e: Event) => set(nullable((e.target as HTMLInputElement).value)),
  })));
}

function textArea(name: string, key: string, value: string | null,
  set: (v: string | null) => void): HTMLElement {
  return checked(value, field(name, h('textarea', {
    name: key, rows: String(Math.min(6, Math.max(2, Math.ceil((value ?? '').length / 50)))),
    value: value ?? '',
    oninput: (e: Event) => set(nullable((e.target as HTMLTextAreaElement).value)),
  })));
}

// Names one per line (names themselves may contain commas: "Các thôn, tổ dân phố").
function listArea(name: string, key: string, value: string[], set: (v: string[]) => void):
  HTMLElement {
  return field(name, h('textarea', {
    name: key, rows: String(Math.max(1, value.length)), value: value.join('\n'),
    oninput: (e: Event) => set((e.target as HTMLTextAreaElement).value.split('\n')
      .map((s) => s.trim()).filter(Boolean)),
  }), t('import.one_per_line'));
}

// Shown and typed as dd/mm/yyyy, kept as ISO; an unreadable entry marks the field invalid and
// keeps the raw text so validate() can refuse it.
function dateInput(name: string, key: string, value: string | null,
  set: (v: string | null) => void): HTMLElement {
  const input = h('input', {
    name: key, value: formatDate(value), placeholder: 'dd/mm/yyyy', inputmode: 'numeric',
  });
  input.addEventListener('input', () => {
    const parsed = parseDate(input.value);
    input.setAttribute('aria-invalid', String(parsed === undefined));
    set(parsed === undefined ? input.value : parsed);
  });
  return field(name, input);
}

// The importer's notes in the UI's language: by code from the catalogue, a reader's own note (or a
// code the catalogue does not know) as the importer wrote it.
function warningTexts(doc: PlanDocument): string[] {
  if (!doc.warning_details) return doc.warnings ?? [];
  return doc.warning_details.map((w) => {
    const text = label('import.warning', w.code);
    if (text === w.code) return w.message;
    return Object.entries(w.params).reduce(
      (out, [name, value]) => out.split(`{${name}}`).join(formatParam(value)), text);
  });
}

function formatParam(value: string): string {
  return /^\d+$/.test(value) ? formatNumber(Number(value)) : value;
}

// Restored words the importer was unsure of, for the person to check (issue 15): the words
// themselves, their original spelling and the confidence. While a document is on screen they mark
// the fields that contain them (checked()).
let wordsToCheck: string[] = [];

function uncertainWords(doc: PlanDocument): string[] {
  const words = doc.diacritics_restored?.uncertain
    .filter((w) => w.restored !== w.original)
    .map((w) => w.restored) ?? [];
  wordsToCheck = [...new Set(words)];
  return wordsToCheck;
}

function uncertainPanel(doc: PlanDocument): HTMLElement | null {
  const restored = doc.diacritics_restored;
  if (!restored) return null;
  const seen = new Set<string>();
  // Words the restorer did not know are left as written (names such as "Ea Kar"): not listed.
  const items = restored.uncertain.filter((w) => {
    const key = `${w.original}|${w.restored}`;
    if (w.restored === w.original) return false;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (items.length === 0) return null;
  return h('details', { class: 'card uncertain-words', 'data-testid': 'uncertain-words' },
    h('summary', null, t('import.uncertain_title', { n: formatNumber(items.length) })),
    h('p', { class: 'small muted' }, t('import.uncertain_hint')),
    h('ul', { class: 'word-chips' }, items.map((w) => h('li', { class: 'word-chip' },
      t('import.uncertain_word', {
        restored: w.restored, original: w.original,
        confidence: `${formatNumber(Math.round(w.confidence * 100))} %`,
      })))));
}

// Outlines a field whose value holds a word to check, and names the words under it.
function checked(value: string | null, fieldElement: HTMLElement): HTMLElement {
  if (!value || wordsToCheck.length === 0) return fieldElement;
  const found = wordsToCheck.filter((w) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(w)}($|[^\\p{L}])`, 'u')
    .test(value));
  if (found.length === 0) return fieldElement;
  fieldElement.classList.add('needs-check');
  fieldElement.append(h('span', { class: 'small check-words' },
    t('import.check_words', { words: found.join(', ') })));
  return fieldElement;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
