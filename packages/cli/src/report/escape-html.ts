import { stripControl } from '../sanitize/strip-control.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Data as HTML text: control characters stripped, then `& < > " '` as entities, so a label like
 * `<script>alert(1)</script>` shows as text and cannot close an attribute either.
 * @example escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return stripControl(String(text), 'line').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
