// Full-text search over plans, tasks and activities the caller may see (GET /search).
import { get } from '../api';
import { badge, emptyRow, errorText, loading, notice, pageTitle } from '../components';
import { h, replace } from '../dom';
import { label, t } from '../i18n';
import { link, navigate, type RouteMatch } from '../router';
import type { SearchResult } from '../types';

export async function renderSearch(view: HTMLElement, match: RouteMatch): Promise<void> {
  const q = match.query.get('q') ?? '';
  const input = h('input', {
    type: 'search', name: 'q', value: q, placeholder: t('search.placeholder'),
    'aria-label': t('search.placeholder'),
  });
  const list = h('div');
  const suggestion = h('div');
  replace(view,
    pageTitle(t('search.title')),
    h('form', {
      class: 'filters', role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        navigate(link('/search', { q: input.value.trim() }));
      },
    }, input, h('button', { type: 'submit' }, t('search.go'))),
    suggestion,
    list);
  if (!q) return;
  replace(list, loading());
  void offerRestoredQuery(suggestion, q);
  try {
    const { results } = await get<{ results: SearchResult[] }>('/search', { q, limit: 50 });
    if (results.length === 0) {
      replace(list, emptyRow(t('search.none', { q })));
      return;
    }
    replace(list, h('ol', { class: 'results', 'data-testid': 'search-results' },
      results.map((r) => h('li', null,
        badge(r.type, label('type', r.type)), ' ',
        h('a', { href: targetOf(r) }, r.title || `#${r.id}`),
        h('span', { class: 'muted' }, ` · ${r.unit_code}`),
        r.snippet ? h('p', { class: 'snippet' }, r.snippet) : null))));
  } catch (err) {
    replace(list, notice('error', errorText(err)));
  }
}

function targetOf(r: SearchResult): string {
  if (r.type === 'plan') return `#/plans/${r.id}`;
  if (r.type === 'task' && r.plan_id) return `#/plans/${r.plan_id}`;
  if (r.type === 'activity') return link('/activities', { unit: r.unit_code });
  return '#/';
}

// "Có phải bạn muốn tìm …": a query typed without diacritics, restored by the server. Search
// ignores diacritics anyway; the suggestion shows the words meant. Missing on an older server:
// nothing is shown.
async function offerRestoredQuery(holder: HTMLElement, q: string): Promise<void> {
  try {
    const { suggestion } = await get<{ suggestion: string | null }>('/search/suggestion', { q });
    if (!suggestion) return;
    replace(holder, h('p', { class: 'did-you-mean', 'data-testid': 'did-you-mean' },
      t('search.did_you_mean'), ' ',
      h('a', { href: link('/search', { q: suggestion }) }, suggestion), '?'));
  } catch {
    // A suggestion is optional: the results below are what the person asked for.
  }
}
