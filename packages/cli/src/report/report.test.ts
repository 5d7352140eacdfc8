import { describe, expect, it } from 'vitest';
import { labelerSharesSpec } from './charts/labeler-shares.js';
import { escapeHtml } from './escape-html.js';
import { renderSvg } from './render-svg.js';
import { table } from './report-sections.js';

describe('escapeHtml', () => {
  it('turns markup into text and strips control sequences', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`" onmouseover='x' & more`)).toBe('&quot; onmouseover=&#39;x&#39; &amp; more');
    expect(escapeHtml('a\u001b[31mb\u0007')).toBe('ab');
    expect(escapeHtml(null)).toBe('');
    expect(table(['<b>'], [['<i>x</i>', 3]], [1])).toBe('<table><thead><tr><th>&lt;b&gt;</th></tr></thead><tbody><tr><td>&lt;i&gt;x&lt;/i&gt;</td><td class="num">3</td></tr></tbody></table>');
  });
});

describe('renderSvg', () => {
  it('draws a Vega-Lite chart to SVG in Node with data text escaped', async () => {
    const labelers = [
      { labeler_id: '<script>alert(1)</script>', share: 0.5, n_labels: 10 },
      { labeler_id: 'ann', share: 0.25, n_labels: 5 },
    ];
    const svg = await renderSvg(labelerSharesSpec(labelers));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg.match(/<path[^>]*aria-roledescription="bar"/g)?.length ?? svg.match(/mark-rect/g)?.length ?? 0).toBeGreaterThan(0);
  });
});
