// Small building blocks shared by the pages.
import { ApiError } from './api';
import { h, type Child } from './dom';
import { formatDate } from './format';
import { coded, t, label } from './i18n';
import { myUnits } from './session';
import type { Unit } from './types';

// A readable message for any error a page may meet.
export function errorText(err: unknown): string {
  if (err instanceof ApiError && err.reason) {
    const text = reasonText(err);
    if (text) return text;
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
        return `${t('error.invalid')} ${err.message}${err.field ? ` (${err.field})` : ''}`;
      default:
        return err.status >= 500 || err.status === 0
          ? t('error.server') : `${t('error.generic')} ${err.message}`;
    }
  }
  return `${t('error.generic')} ${err instanceof Error ? err.message : String(err)}`;
}

// A refusal's reason in the page's language (dates dd/mm/yyyy, statuses by their label); null
// when the catalogue does not know the reason.
function reasonText(err: ApiError): string | null {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(err.params)) {
    if (/^(date|began)$/.test(name)) params[name] = formatDate(value);
    else if (/^(status|from|to)$/.test(name)) {
      params[name] = label(err.reason.startsWith('report') ? 'report_status' : 'status', value);
    }
    else params[name] = value;
  }
  const text = coded('error_reason', err.reason, params, '');
  return text || null;
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
