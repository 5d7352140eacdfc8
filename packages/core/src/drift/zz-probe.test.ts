import { it } from 'vitest';
import { Store } from '../store/store.js';
import { driftReport } from './drift.js';
it('probe', async () => {
  const store = await Store.open(process.env['PROBE_DB'] as string, { readOnly: true });
  const r = await driftReport(store, { goldSet: process.env['PROBE_GOLD'] ?? 'support-demo' });
  console.log(JSON.stringify({ cov: r.coverage, gaps: r.coverage_gaps.slice(0, 5).map((g) => [g.size, g.share.toFixed(3), g.examples[0], g.top_metadata?.find((m) => m.key === 'intent')?.value]), alerts: r.alerts.map((a) => `${a.kind} ${a.message.slice(0, 200)}`) }, null, 1));
  store.close();
}, 300_000);
