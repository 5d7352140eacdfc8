import { it } from 'vitest';
import { analyzeDrift } from './analyze-drift.js';
import { makeWorld, NO_DRIFT, simulate, type Scenario } from './test-helpers/simulate.js';
const world = makeWorld(20, 7);
function rate(s: Scenario, runs: number, first: number, kinds?: string[]): string {
  let hits = 0;
  for (let seed = first; seed < first + runs; seed++) {
    const r = analyzeDrift(simulate(world, s, seed));
    if (r.alerts.some((a) => kinds === undefined || kinds.includes(a.kind))) hits++;
  }
  return `${hits}/${runs}`;
}
it('rates', () => {
  console.log('RATE null', rate(NO_DRIFT, 400, 1000));
  console.log('RATE new5', rate({ ...NO_DRIFT, newIntentShare: 0.05 }, 200, 2000));
  console.log('RATE pass', rate({ ...NO_DRIFT, goldPass: 0.94, shadowPass: 0.85 }, 200, 4000, ['pass_rate']));
  console.log('RATE cov', rate({ ...NO_DRIFT, nGold: 2000, nShadow: 1000, newIntentShare: 0.05, newIntentLabeled: false }, 100, 3000, ['coverage_gap']));
}, 1_200_000);
