// Small building blocks shared by the pages.
import { ApiError } from './api';
import { h, type Child } from './dom';
import { formatDate, formatNumber } from './format';
import { coded, t, label } from './i18n';
import { myUnits } from './session';
import type { Unit } from './types';

// A readable message for any error a page may meet.
export function errorText(err: unknown): string {
  if (err instanceof ApiError && err.reason) {
    const text = reasonText(err.reason, err.params);
    if (text) return GENERIC_REASONS.has(err.reason) ? withFieldLabel(err.field, text) : text;
  }
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'network': return t('error.network');
      case 'not_found': return t('error.not_found');
      case 'permission_denied': return t('error.permission_denied');
      case 'unauthenticated': return t('error.unauthenticated');
      case 'too_large': return t('error.too_large');
      case 'unsupported': return t('error.unsupported');
      case 'rate_limited': return t('error.rate_limited');
      case 'conflict': return `${t('error.conflict')} ${err.message}`;
      case 'invalid_argument':
        return `${t('error.invalid')} ${err.message}`;
      default:
        return err.status >= 500 || err.status === 0
          ? t('error.server') : `${t('error.generic')} ${err.message}`;
    }
  }
  return `${t('error.generic')} ${err instanceof Error ? err.message : String(err)}`;
}

// Reasons that do not say which input they are about ("Chưa nhập."): the page puts the
// field's label before them.
const GENERIC_REASONS = new Set(['required', 'text_invisible', 'too_long', 'date_invalid',
  'date_future', 'link_not_web', 'whole_number_range', 'file_empty']);

// "Tiến độ: …" for the field "progress" (or "indicators[2].name" → "Tên: …") when the catalogue
// names the field.
function withFieldLabel(field: string | undefined, text: string): string {
  const name = (field ?? '').replace(/\[\d+\]/g, '').split('.').pop() ?? '';
  const fieldLabel = label('field', name);
  return name && fieldLabel !== name ? `${fieldLabel}: ${text}` : text;
}

// A refusal's reason in the page's language; null when the catalogue does not know the reason.
function reasonText(reason: string, raw: Record<string, string>): string | null {
  const text = coded('error_reason', reason, readableParams(reason, raw), '');
  return text || null;
}

// A coded problem's parameters as a person reads them: dates dd/mm/yyyy, numbers 1.234,
// statuses by their label.
export function readableParams(reason: string, raw: Record<string, string>):
  Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (/^(date|began|today|from_date|to_date)$/.test(name)) params[name] = formatDate(value);
    else if (/^(limit|min|max|count|row)$/.test(name)) params[name] = formatNumber(Number(value));
    else if (/^(status|from|to)$/.test(name)) {
      params[name] = label(reason.startsWith('report') ? 'report_status' : 'status', value);
    }
    else params[name] = value;
  }
  return params;
}

export function notice(kind: 'info' | 'error' | 'success' | 'warning', ...text: Child[]):
  HTMLElement {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    ...text);
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', 'aria-busy': 'true' }, t('common.loading'));
}

export function pageTitle(text: string, ...actions: Child[]): HTMLElement {
  document.title = `${text} · lienthong`;
  return h('div', { class: 'page-head' }, h('h1', null, text),
    actions.length ? h('div', { class: 'actions' }, ...actions) : null);
}

export function badge(kind: string, text: string): HTMLElement {
  return h('span', { class: `badge badge-${kind}` }, text);
}

export function statusBadge(status: string): HTMLElement {
  return badge(status, label('status', status));
}

export function standingBadge(standing: string): HTMLElement {
  return badge(standing, label('standing', standing));
}

// A table that turns into one card per row on a narrow screen: each cell carries its column
// label (data-label) which the CSS shows in card mode.
export function table(headers: string[], rows: Child[][], caption?: string): HTMLElement {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'responsive' },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, rows.map((row) => h('tr', null,
        row.map((cell, i) => h('td', { 'data-label': headers[i] ?? '' }, cell)))))));
}

// A <select> over the caller's unit subtree, indented by depth, `selected` chosen.
export async function unitSelect(selected: string | null, name = 'unit',
  only?: (units: Unit[]) => Unit[]): Promise<HTMLSelectElement> {
  const select = h('select', { name });
  let units: Unit[] = [];
  try {
    units = await myUnits();
  } catch {
    units = [];
  }
  if (only) units = only(units);
  const top = units.reduce((m, u) => Math.min(m, u.depth), Number.POSITIVE_INFINITY);
  for (const u of units) {
    const indent = '\u00a0\u00a0'.repeat(Math.max(0, u.depth - top));
    select.appendChild(h('option', { value: u.code, selected: u.code === selected },
      `${indent}${u.name} (${u.code})`));
  }
  if (selected && !units.some((u) => u.code === selected)) {
    select.insertBefore(h('option', { value: selected, selected: true }, selected),
      select.firstChild);
  }
  return select;
}

export function emptyRow(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

// The units strictly below `code`, from a list in tree order (parents before children).
export function unitsBelow(units: Unit[], code: string): Unit[] {
  const below = new Set([code]);
  const out: Unit[] = [];
  for (const u of units) {
    if (u.parent_code && below.has(u.parent_code) && !below.has(u.code)) {
      below.add(u.code);
      out.push(u);
    }
  }
  return out;
}
