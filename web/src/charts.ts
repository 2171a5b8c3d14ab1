// Bar charts with Chart.js (from npm, bundled by Vite; nothing fetched at run time): horizontal
// bars for categories, columns for months. Each chart is labelled for screen readers, and the
// same numbers are always shown in a table next to it.
import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip,
} from 'chart.js';
import { h } from './dom';
import { formatNumber } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Bar {
  label: string;
  count: number;
  short?: string;  // a shorter axis label for column charts ("03" for "03/2026")
}

const BAR_COLOUR = '#a3161f';
const MAX_AXIS_LABEL = 22;  // characters; the tooltip and the table carry the whole name

function axisLabel(label: string): string {
  return label.length > MAX_AXIS_LABEL ? `${label.slice(0, MAX_AXIS_LABEL - 1)}…` : label;
}

function chart(title: string, bars: Bar[], horizontal: boolean): HTMLElement {
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${title}: ${bars.map((b) => `${b.label} ${formatNumber(b.count)}`).join(', ')}`,
  });
  // Room for every label: a row per bar when horizontal, a fixed height for columns.
  const height = horizontal ? Math.max(120, 28 * bars.length + 40) : 220;
  const box = h('div', { class: 'chart-box', style: `height:${height}px` }, canvas);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => (horizontal ? axisLabel(b.label) : b.short ?? b.label)),
      datasets: [{ label: title, data: bars.map((b) => b.count), backgroundColor: BAR_COLOUR }],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? bars[items[0].dataIndex].label : ''),
            label: (item) => formatNumber(Number(item.raw)),
          },
        },
      },
      scales: {
        [horizontal ? 'x' : 'y']: {
          beginAtZero: true,
          ticks: { precision: 0, callback: (value) => formatNumber(Number(value)) },
        },
      },
    },
  });
  return box;
}

export function barChart(title: string, bars: Bar[]): HTMLElement {
  return chart(title, bars, true);
}

export function columnChart(title: string, bars: Bar[]): HTMLElement {
  return chart(title, bars, false);
}
