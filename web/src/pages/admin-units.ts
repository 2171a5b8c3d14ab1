// #/admin/units?root=: the units of the administrator's subtree — the tree two levels below a
// root (links go deeper), import of a CSV file (all or nothing: every problem is listed by line
// in the UI's language and nothing is saved), moving a unit under another parent and merging a
// unit into another, each after a confirmation that says what will happen. The server checks
// scope and writes the audit rows (docs/api.md, "Units").
import { ApiError, get, post } from '../api';
import { emptyRow, errorText, loading, notice, pageTitle, unitSelect } from '../components';
import { field, h, replace } from '../dom';
import { formatDate, formatNumber, parseDate, todayIso } from '../format';
import { coded, label, t } from '../i18n';
import { link, type RouteMatch } from '../router';
import { currentUser, forgetMyUnits, myUnits } from '../session';
import type { ListedUnit, Unit } from '../types';

interface UnitProblem {
  line: number;
  code: string;
  params: Record<string, string>;
  message: string;
}

const TREE_DEPTH = 2;

export async function renderAdminUnits(view: HTMLElement, match: RouteMatch): Promise<void> {
  const me = currentUser();
  if (me?.role !== 'admin') {
    replace(view, pageTitle(t('unit_admin.title')), notice('error', t('error.permission_denied')));
    return;
  }
  const root = match.query.get('root') || me.unit.code;
  const message = h('div', { 'aria-live': 'polite' });
  const tree = h('section', { 'aria-label': t('unit_admin.tree') }, loading());
  const forms = h('div', { class: 'unit-admin-forms' });
  replace(view, pageTitle(t('unit_admin.title')), message, forms, tree);

  const changed = async (text: string) => {
    forgetMyUnits();
    replace(message, notice('success', text));
    await Promise.all([loadTree(), loadForms()]);
  };
  async function loadForms(): Promise<void> {
    replace(forms, importForm(message, changed), await moveForm(message, changed),
      await mergeForm(message, changed));
  }
  async function loadTree(): Promise<void> {
    try {
      const { units } = await get<{ units: ListedUnit[] }>('/units', { root, depth: TREE_DEPTH });
      replace(tree, h('h2', null, t('unit_admin.tree')), treeList(units, root, me!.unit.code));
    } catch (err) {
      replace(tree, notice('error', errorText(err)));
    }
  }
  await Promise.all([loadTree(), loadForms()]);
}

function treeList(units: ListedUnit[], root: string, own: string): HTMLElement {
  if (units.length === 0) return emptyRow(t('units.none'));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const top = units.reduce((m, u) => Math.min(m, u.depth), Number.POSITIVE_INFINITY);
  return h('div', null,
    root !== own ? h('p', null, h('a', { href: link('/admin/units', {}) },
      t('units.back_to_mine'))) : null,
    h('ul', { class: 'tree', 'data-testid': 'unit-tree' }, units.map((u) => h('li', {
      style: `--depth:${Math.min(u.depth - top, 8)}`,
      class: u.valid_to ? 'retired' : null,
      'data-code': u.code, 'data-parent': u.parent_code ?? '',
    },
    h('span', { class: 'unit-name' }, u.name),
    ' ', h('span', { class: 'muted' }, `${u.code} · ${label('kind', u.kind)}`),
    u.valid_to ? h('span', { class: 'muted' }, ' · ', endedText(u, byCode)) : null,
    u.depth - top === TREE_DEPTH && u.child_count > 0 && !u.valid_to ? h('span', { class: 'unit-links' },
      h('a', { href: link('/admin/units', { root: u.code }) }, t('units.subtree'))) : null))));
}

function endedText(u: Unit, byCode: Map<string, Unit>): string {
  if (!u.successor_code) return t('unit_admin.ended', { date: formatDate(u.valid_to) });
  const successor = byCode.get(u.successor_code);
  return t('unit_admin.merged_into', {
    name: successor ? successor.name : u.successor_code, date: formatDate(u.valid_to),
  });
}

// Problems of a refused file, by line, in the UI's language.
function problemsOf(err: unknown): UnitProblem[] {
  if (!(err instanceof ApiError)) return [];
  const list = (err.body as { problems?: UnitProblem[] } | null)?.problems;
  return Array.isArray(list) ? list : [];
}

function problemText(p: UnitProblem): string {
  const params: Record<string, string> = { ...p.params };
  if (params.column) params.column = label('unit_admin.column', params.column);
  const text = coded('unit_problem', p.code, params, p.message);
  return p.line > 0 ? t('unit_admin.line', { line: formatNumber(p.line), text }) : text;
}

function importForm(message: HTMLElement, changed: (text: string) => Promise<void>): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const result = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('unit_admin.import'));
  return h('form', {
    class: 'card unit-import',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) return;
      const form = new FormData();
      form.append('file', chosen);
      submit.disabled = true;
      replace(message);
      try {
        const answer = await post<{ created: number }>('/units/import', form);
        replace(result);
        file.value = '';
        await changed(t('unit_admin.imported', { n: formatNumber(answer.created) }));
      } catch (err) {
        const problems = problemsOf(err);
        replace(result, notice('error', problems.length
          ? t('unit_admin.refused', { n: formatNumber(problems.length) }) : errorText(err)),
        problems.length ? h('ul', { class: 'problem-lines', 'data-testid': 'unit-problems' },
          problems.map((p) => h('li', null, problemText(p)))) : null);
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h2', null, t('unit_admin.import_title')),
  h('p', { class: 'hint' }, t('unit_admin.columns')),
  field(t('unit_admin.file'), file),
  h('div', { class: 'form-actions' }, submit),
  result);
}

// The active units an administrator may reorganise: its subtree without its own unit.
function reorganisable(units: Unit[]): Unit[] {
  const own = currentUser()?.unit.code;
  return units.filter((u) => !u.valid_to && u.code !== own);
}

function active(units: Unit[]): Unit[] {
  return units.filter((u) => !u.valid_to);
}

// How many units lie below `code` (a list in tree order).
async function unitAndBelow(code: string): Promise<{ unit: Unit | undefined; below: number }> {
  const units = await myUnits();
  const unit = units.find((u) => u.code === code);
  if (!unit) return { unit, below: 0 };
  const prefix = new Set([code]);
  let below = 0;
  for (const u of units) {
    if (u.parent_code && prefix.has(u.parent_code) && !u.valid_to) {
      prefix.add(u.code);
      below += 1;
    }
  }
  return { unit, below };
}

function unitName(units: Unit[], code: string): string {
  const u = units.find((x) => x.code === code);
  return u ? `${u.name} (${u.code})` : code;
}

async function moveForm(message: HTMLElement, changed: (text: string) => Promise<void>):
  Promise<HTMLElement> {
  const unit = await unitSelect(null, 'code', reorganisable);
  const parent = await unitSelect(null, 'parent_code', active);
  const on = h('input', { name: 'on', inputmode: 'numeric', placeholder: 'dd/mm/yyyy' });
  return h('form', {
    class: 'card unit-move',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const date = parseDate(on.value);
      if (date === undefined || (date !== null && date.length !== 10)) {
        replace(message, notice('error', t('unit_admin.bad_date')));
        return;
      }
      const units = await myUnits();
      const { unit: moving, below } = await unitAndBelow(unit.value);
      if (!moving) return;
      if (unit.value === parent.value || (await unitsUnder(unit.value)).has(parent.value)) {
        replace(message, notice('error', t('unit_admin.move_into_itself')));
        return;
      }
      const text = t('unit_admin.move_confirm', {
        unit: unitName(units, unit.value),
        with_below: below > 0 ? t('unit_admin.with_below', { n: formatNumber(below) }) : '',
        from: unitName(units, moving.parent_code ?? ''), to: unitName(units, parent.value),
      }) + (date ? ` ${t('unit_admin.on_date', { date: formatDate(date) })}` : '');
      if (!(await confirmDialog(t('unit_admin.move_title'), text))) return;
      try {
        await post(`/units/${encodeURIComponent(unit.value)}/move`,
          { parent_code: parent.value, ...(date ? { on: date } : {}) });
        await changed(t('unit_admin.moved', {
          unit: unitName(units, unit.value), to: unitName(units, parent.value),
        }));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  h('h2', null, t('unit_admin.move_title')),
  h('div', { class: 'grid-form' },
    field(t('unit_admin.move_unit'), unit),
    field(t('unit_admin.move_to'), parent),
    field(t('unit_admin.move_on'), on, t('unit_admin.optional_date'))),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('unit_admin.move'))));
}

async function unitsUnder(code: string): Promise<Set<string>> {
  const under = new Set([code]);
  for (const u of await myUnits()) {
    if (u.parent_code && under.has(u.parent_code)) under.add(u.code);
  }
  return under;
}

async function mergeForm(message: HTMLElement, changed: (text: string) => Promise<void>):
  Promise<HTMLElement> {
  const old = await unitSelect(null, 'units', reorganisable);
  const into = await unitSelect(null, 'into', active);
  const on = h('input', {
    name: 'on', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', required: true,
    value: formatDate(todayIso()),
  });
  return h('form', {
    class: 'card unit-merge',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const date = parseDate(on.value);
      if (!date || date.length !== 10) {
        replace(message, notice('error', t('unit_admin.bad_date')));
        return;
      }
      const units = await myUnits();
      if (old.value === into.value || (await unitsUnder(old.value)).has(into.value)) {
        replace(message, notice('error', t('unit_admin.merge_into_itself')));
        return;
      }
      const { below } = await unitAndBelow(old.value);
      const oldName = unitName(units, old.value);
      const intoName = unitName(units, into.value);
      const text = t('unit_admin.merge_confirm', {
        unit: oldName, into: intoName, date: formatDate(date),
        children: below > 0
          ? t('unit_admin.merge_children', { n: formatNumber(below), into: intoName }) : '',
      });
      if (!(await confirmDialog(t('unit_admin.merge_title'), text))) return;
      try {
        await post('/units/merge', { units: [old.value], into: into.value, on: date });
        await changed(t('unit_admin.merged', {
          unit: oldName, into: unitName(units, into.value), date: formatDate(date),
        }));
      } catch (err) {
        replace(message, notice('error', errorText(err)));
      }
    },
  },
  h('h2', null, t('unit_admin.merge_title')),
  h('p', { class: 'hint' }, t('unit_admin.merge_hint')),
  h('div', { class: 'grid-form' },
    field(t('unit_admin.merge_unit'), old),
    field(t('unit_admin.merge_into'), into),
    field(t('unit_admin.merge_on'), on)),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('unit_admin.merge'))));
}

// A modal that says what will happen; resolves true when confirmed.
function confirmDialog(title: string, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'card confirm-unit', 'aria-label': title });
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.addEventListener('cancel', () => close(false));
    replace(dialog,
      h('h2', null, title),
      h('p', { 'data-testid': 'confirm-text' }, text),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'button', class: 'primary', onclick: () => close(true) },
          t('unit_admin.confirm'))));
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
