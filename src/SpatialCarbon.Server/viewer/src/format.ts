// Number and text formatting shared by the panels.
import { lang } from './i18n';

export const fmt = (n: number | undefined | null, digits = 2): string =>
  n == null || Number.isNaN(n) ? '—' : n.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A JSON value as rows of key and value, nested objects flattened with dotted keys. */
export function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [[prefix || 'value', String(value)]];
  const rows: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') rows.push(...flatten(v, key));
    else rows.push([key, typeof v === 'number' ? fmt(v, 4) : String(v)]);
  }
  return rows;
}
