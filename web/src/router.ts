// Hash routing (#/plans/12?tab=tasks): works from any URL the server falls back to index.html
// for, and needs nothing from the server. Each navigation renders into a fresh view element, so
// a page still loading for a previous route writes into a detached element and is never seen.
export interface RouteMatch {
  params: string[];
  query: URLSearchParams;
}

export type Render = (view: HTMLElement, match: RouteMatch) => void | Promise<void>;

interface RouteEntry {
  pattern: RegExp;
  render: Render;
  isPublic: boolean;
}

const routes: RouteEntry[] = [];

export function route(pattern: RegExp, render: Render, isPublic = false): void {
  routes.push({ pattern, render, isPublic });
}

export function currentPath(): { path: string; query: URLSearchParams } {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?', 2);
  return { path: path || '/', query: new URLSearchParams(query) };
}

export function resolve(path: string): { entry: RouteEntry; params: string[] } | null {
  for (const entry of routes) {
    const m = entry.pattern.exec(path);
    if (m) return { entry, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}

export function navigate(hash: string): void {
  const target = hash.startsWith('#') ? hash : `#${hash}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

// "#/plans?unit=66&q=x" from a path and query values (empty ones left out).
export function link(path: string, query?: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const s = params.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}
