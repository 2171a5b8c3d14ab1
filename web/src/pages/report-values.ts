// One indicator's input on the report form: a number, a percentage (0–100), yes/no or text,
// each with a "not applicable" box. Numbers are typed the Vietnamese way (1.234,5) or plainly.
import { h } from '../dom';
import { formatNumber, parseNumber } from '../format';
import { t } from '../i18n';
import type { IndicatorValue, ReportValue } from '../types';

export interface ValueControl {
  element: HTMLElement;
  // The value to send, or "!message" when the input cannot be read.
  read: () => { code: string; value: IndicatorValue; not_applicable: boolean } | string;
}

export function valueControl(v: ReportValue, editable: boolean): ValueControl {
  const id = `ind-${v.code}`;
  const na = h('input', { type: 'checkbox', name: `${v.code}-na`, checked: v.not_applicable,
    disabled: !editable });
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (v.type === 'yes_no') {
    input = h('select', { id, name: v.code, disabled: !editable },
      h('option', { value: '' }, '—'),
      h('option', { value: 'yes', selected: v.value === true }, t('value.yes')),
      h('option', { value: 'no', selected: v.value === false }, t('value.no')));
  } else if (v.type === 'text') {
    input = h('textarea', { id, name: v.code, rows: 2, disabled: !editable,
      value: typeof v.value === 'string' ? v.value : '' });
  } else {
    input = h('input', { id, name: v.code, inputmode: 'decimal', disabled: !editable,
      value: typeof v.value === 'number' ? formatNumber(v.value) : '' });
  }
  const sync = () => { input.disabled = !editable || na.checked; };
  na.addEventListener('change', sync);
  sync();
  const unit = v.type === 'percentage' ? '%' : v.unit_label;
  const element = h('div', { class: 'indicator-row', 'data-indicator': v.code },
    h('label', { for: id }, v.name, unit ? h('span', { class: 'muted' }, ` (${unit})`) : null),
    h('div', { class: 'indicator-input' }, input,
      h('label', { class: 'na' }, na, ` ${t('value.na')}`)));
  const read = () => {
    const base = { code: v.code, value: null as IndicatorValue, not_applicable: na.checked };
    if (na.checked) return base;
    if (v.type === 'yes_no') {
      base.value = input.value === '' ? null : input.value === 'yes';
    } else if (v.type === 'text') {
      base.value = input.value.trim() || null;
    } else {
      const n = parseNumber(input.value);
      if (n === undefined) return `!${t('value.bad_number', { name: v.name })}`;
      if (n !== null && v.type === 'percentage' && (n < 0 || n > 100)) {
        return `!${t('value.bad_percent', { name: v.name })}`;
      }
      base.value = n;
    }
    return base;
  };
  return { element, read };
}
