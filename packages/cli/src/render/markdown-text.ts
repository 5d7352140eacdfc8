import { stripControl } from '../sanitize/strip-control.js';

/**
 * Data text (a slice, a run name, a request's text) for Markdown: escape and control sequences
 * stripped as on a terminal (sanitize/strip-control.ts), newlines made spaces, then every character
 * that could end a table cell, start emphasis, a link or raw HTML, or an entity backslash-escaped
 * (CommonMark §2.4; GFM allows `\|` inside table cells).
 * @example mdText('a|b <img src=x>') // 'a\\|b \\<img src=x\\>'
 */
export function mdText(text: string): string {
  return stripControl(text, 'line').replace(/([\\|*_`~<>[\]&])/g, '\\$1');
}

/** A code span for a name: controls stripped, backticks made quotes (no escape applies inside a span), `|` escaped for table cells. */
export function mdCode(text: string): string {
  return `\`${stripControl(text, 'line').replaceAll('`', "'").replaceAll('|', '\\|')}\``;
}
