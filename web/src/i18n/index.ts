// The string catalogue: Vietnamese by default, English on request (kept in localStorage, the
// only thing the UI stores). Both catalogues have exactly the same keys: en.ts is typed against
// vi.ts, so a missing or extra key fails the build, and tests/browser/i18n.test.mjs checks it too.
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'lienthong.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

// t('plans.count', {n: 3}) replaces {n} in the message.
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = catalogues[current][key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.split(`{${name}}`).join(String(value));
    }
  }
  return text;
}

// A coded message from the server (a problem, a warning) in the UI's language: the catalogue's
// `prefix.code` with the server's parameters, or the server's own text for a code it lacks.
export function coded(prefix: string, code: string, params: Record<string, string>,
  fallback: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  if (!code || !(key in catalogues[current])) return fallback;
  return t(key, params);
}

// A label for an API code ("open_overdue", "commune") when the catalogue has one, else the code.
export function label(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}` as MessageKey;
  return key in catalogues[current] ? catalogues[current][key] : code;
}
