// Bar charts drawn with plain elements (no library, nothing fetched): horizontal bars for
// categories, columns for months. Each chart is labelled for screen readers; the same numbers
// are always shown in a table next to it.
import { h } from './dom';
import { formatNumber } from './format';

export interface Bar {
  label: string;
  count: number;
  short?: string;  // a shorter axis label for column charts ("03" for "03/2026")
}

export function barChart(title: string, bars: Bar[]): HTMLElement {
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0) || 1;
  return h('div', {
    class: 'bars', role: 'img',
    'aria-label': `${title}: ${bars.map((b) => `${b.label} ${formatNumber(b.count)}`).join(', ')}`,
  }, bars.map((b) => h('div', { class: 'bar-row' },
    h('span', { class: 'bar-label' }, b.label),
    h('span', { class: 'bar-track' },
      h('span', { class: 'bar-fill', style: `width:${(100 * b.count) / max}%` })),
    h('span', { class: 'bar-value' }, formatNumber(b.count)))));
}

export function columnChart(title: string, bars: Bar[]): HTMLElement {
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0) || 1;
  return h('div', {
    class: 'columns', role: 'img',
    'aria-label': `${title}: ${bars.map((b) => `${b.label} ${formatNumber(b.count)}`).join(', ')}`,
  }, bars.map((b) => h('div', { class: 'column' },
    h('span', { class: 'column-value' }, formatNumber(b.count)),
    h('span', { class: 'column-track' },
      h('span', { class: 'column-fill', style: `height:${(100 * b.count) / max}%` })),
    h('span', { class: 'column-label', title: b.label }, b.short ?? b.label))));
}
