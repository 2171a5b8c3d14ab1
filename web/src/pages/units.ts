// The unit tree: the caller's subtree (or a chosen root) in tree order, filtered by a search
// that ignores diacritics (done by the server).
import { get } from '../api';
import { emptyRow, errorText, loading, notice, pageTitle } from '../components';
import { h, replace } from '../dom';
import { label, t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import type { ListedUnit } from '../types';

export async function renderUnits(view: HTMLElement, match: RouteMatch): Promise<void> {
  const root = match.query.get('root') ?? '';
  const q = match.query.get('q') ?? '';
  const input = h('input', {
    type: 'search', name: 'q', value: q, placeholder: t('units.search'),
    'aria-label': t('units.search'),
  });
  const list = h('div', null, loading());
  replace(view,
    pageTitle(t('units.title')),
    h('form', {
      class: 'filters', role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        navigate(link('/units', { root, q: input.value.trim() }));
      },
    }, input, h('button', { type: 'submit' }, t('common.search'))),
    root ? h('p', null, t('units.root', { code: root }), ' ',
      h('a', { href: '#/units' }, t('units.back_to_mine'))) : null,
    list);
  try {
    const { units } = await get<{ units: ListedUnit[] }>('/units', { root, q });
    if (units.length === 0) {
      replace(list, emptyRow(t('units.none')));
      return;
    }
    const top = units.reduce((m, u) => Math.min(m, u.depth), Number.POSITIVE_INFINITY);
    replace(list,
      h('p', { class: 'muted' }, t('units.count', { n: units.length })),
      h('ul', { class: 'tree' }, units.map((u) => h('li', {
        style: `--depth:${q ? 0 : Math.min(u.depth - top, 8)}`,
        class: u.valid_to ? 'retired' : null,
      },
      h('span', { class: 'unit-name' }, u.name),
      ' ', h('span', { class: 'muted' }, `${u.code} · ${label('kind', u.kind)}`),
      u.valid_to ? h('span', { class: 'muted' }, ` · ${t('units.retired')}`) : null,
      h('span', { class: 'unit-links' },
        u.child_count > 0
          ? h('a', { href: link('/units', { root: u.code }) }, t('units.subtree')) : null,
        h('a', { href: link('/plans', { unit: u.code }) }, t('nav.plans')),
        h('a', { href: link('/dashboard', { unit: u.code }) }, t('nav.dashboard')))))));
  } catch (err) {
    replace(list, notice('error', errorText(err)));
  }
}
