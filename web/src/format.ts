// Display formats: dates as dd/mm/yyyy (the Vietnamese administrative order, whatever the UI
// language) and numbers with Vietnamese separators (1.234,5).
const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '' : numberFormat.format(n);
}

// "2026-03-05" → "05/03/2026"; partial dates keep their precision: "2026-03" → "03/2026",
// "2026" → "2026". Timestamps ("2026-03-05T10:00:00Z") show their date part. Anything else is
// returned as it is.
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  if (m[3]) return `${m[3]}/${m[2]}/${m[1]}`;
  if (m[2]) return `${m[2]}/${m[1]}`;
  return m[1];
}

// "2026-12-07T05:10:00Z" → "07/12/2026 12:10" in Vietnam's time (UTC+7, no daylight saving).
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 7 * 3600 * 1000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

// The inverse of formatNumber for form input: "1.234,5" → 1234.5, "1.250" → 1250, and a
// plain "12.5" → 12.5; "" → null; anything else → undefined.
export function parseNumber(text: string): number | null | undefined {
  let s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

// The inverse for form input: "5/3/2026" → "2026-03-05", "3/2026" → "2026-03", "2026" → "2026",
// an ISO date is accepted as it is; "" → null; anything unreadable or impossible → undefined.
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDate(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return +m[1] >= 1 && +m[1] <= 12 ? `${m[2]}-${pad(+m[1])}` : undefined;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? s : undefined;
  if (/^\d{4}$/.test(s)) return s;
  return undefined;
}

function validDate(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Today in the browser's local time as ISO, and a day offset from it.
export function todayIso(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(n / 104857.6) / 10)} MB`;
}
