// Importing many activities from a CSV or XLSX file (POST /activities/import): the file is
// checked first (dry_run=1), which lists each problem with its row number; only a file without
// problems can then be imported, all or nothing. An example file and the expected columns are
// shown beside the picker.
import { ApiError, post } from '../api';
import { errorText, notice, readableParams, table } from '../components';
import { field, h, replace } from '../dom';
import { formatNumber } from '../format';
import { coded, t, type MessageKey } from '../i18n';

interface ImportAnswer {
  imported: number;
  rows: number;
  dry_run: boolean;
}

interface Problem {
  row: number;
  column: string;
  code: string;
  params: Record<string, string>;
  message: string;
}

// Column names as the API reports them → their label on the activity form.
const COLUMN_LABELS: Record<string, MessageKey> = {
  date: 'activity.date', kind: 'activity.kind', channel: 'activity.channel',
  title: 'activity.title', theme: 'activity.theme', link: 'activity.link',
  reach: 'activity.reach', unit: 'common.unit',
};

export const EXAMPLE_FILE = 'mau-nhap-hoat-dong.csv';

function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError)) return [];
  const list = (err.body as { problems?: Problem[] } | null)?.problems;
  return Array.isArray(list) ? list : [];
}

function problemTable(problems: Problem[]): HTMLElement {
  return table([t('import_rows.row'), t('import_rows.column'), t('import_rows.problem')],
    problems.map((p) => [
      formatNumber(p.row),
      COLUMN_LABELS[p.column] ? t(COLUMN_LABELS[p.column]) : p.column,
      problemText(p),
    ]), t('import_rows.problems'));
}

// The problem in the page's language (dates dd/mm/yyyy, numbers grouped): the file's own problems
// (activity_problem.*), then the activity's rules, which the single-activity form shares
// (error_reason.*); the server's English words only for a code the catalogue lacks.
function problemText(p: Problem): string {
  const params = readableParams(p.code, p.params ?? {});
  return coded('activity_problem', p.code, params, coded('error_reason', p.code, params, p.message));
}

export function activityImport(unit: string, imported: () => void): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv' });
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const check = h('button', { type: 'submit', class: 'primary' }, t('import_rows.check'));
  const confirm = h('button', { type: 'button', hidden: true }, t('import_rows.import'));
  file.addEventListener('change', () => {
    confirm.hidden = true;
    replace(result);
  });

  async function send(dryRun: boolean): Promise<void> {
    const chosen = file.files?.[0];
    if (!chosen) {
      replace(result, notice('error', t('import_rows.need_file')));
      return;
    }
    const form = new FormData();
    form.append('file', chosen);
    check.disabled = true;
    confirm.disabled = true;
    try {
      const answer = await post<ImportAnswer>(
        `/activities/import?unit=${encodeURIComponent(unit)}${dryRun ? '&dry_run=1' : ''}`, form);
      if (dryRun) {
        replace(result, notice('success', t('import_rows.checked', { n: formatNumber(answer.rows) })));
        confirm.textContent = t('import_rows.import_n', { n: formatNumber(answer.rows) });
        confirm.hidden = false;
      } else {
        replace(result, notice('success', t('import_rows.done', { n: formatNumber(answer.imported) })));
        confirm.hidden = true;
        file.value = '';
        imported();
      }
    } catch (err) {
      confirm.hidden = true;
      const problems = problemsOf(err);
      replace(result, notice('error', problems.length
        ? t('import_rows.refused', { n: formatNumber(problems.length) }) : errorText(err)),
      problems.length ? problemTable(problems) : null);
    } finally {
      check.disabled = false;
      confirm.disabled = false;
    }
  }
  confirm.addEventListener('click', () => void send(false));

  return h('form', {
    class: 'activity-import',
    onsubmit: (e: Event) => {
      e.preventDefault();
      void send(true);
    },
  },
  h('p', { class: 'hint' }, t('import_rows.columns')),
  h('p', null, h('a', { href: `/${EXAMPLE_FILE}`, download: EXAMPLE_FILE },
    t('import_rows.example'))),
  field(t('import_rows.file'), file, t('import_rows.file_hint')),
  h('div', { class: 'form-actions' }, check, confirm),
  result);
}
