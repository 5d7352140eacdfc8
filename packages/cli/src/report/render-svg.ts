import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The look every chart shares: system fonts only (no web font is fetched), quiet axes. */
const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 11, grid: true, gridColor: '#e5e7eb' },
  // No cut legend labels: Vega's default 160 px limit, measured without a canvas in Node, cut
  // "gold (human consensus)" to "gold (human consen…".
  legend: { labelLimit: 0 },
  view: { stroke: null },
  background: 'white',
} as const;

/**
 * Renders a Vega-Lite spec to an SVG string in Node, at build time: Vega-Lite compiles it to Vega,
 * a headless Vega View (renderer 'none') draws the scene graph to SVG markup. Data must be inline
 * (`values`): the report makes no network request, at build time or when opened. Text in the SVG
 * is XML-escaped by Vega.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
