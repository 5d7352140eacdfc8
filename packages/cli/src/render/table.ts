import { stripControl } from '../sanitize/strip-control.js';

/**
 * A plain monospace table: columns padded to their widest cell; numbers right-aligned. Cells are
 * made terminal-safe first (stripControl), so a data string carrying escape codes is measured as
 * the text the terminal shows and cannot push its row out of line.
 */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => stripControl(String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  return cells
    .map((r) => r.map((c, i) => (numeric[i] === true ? (c ?? '').padStart(widths[i] ?? 0) : (c ?? '').padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}
