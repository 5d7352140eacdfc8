import { describe, expect, it } from 'vitest';
import { unplantedOffsets } from './unplanted-offsets.js';

describe('unplantedOffsets', () => {
  it('matches the integral done by scipy (quad over true quality, split at the clipping points)', () => {
    // Oracle: scipy 1.17 `quad` of φ(z)·(1 + Σ_c Φ((clip(m + 0.6z, 1, 5) + b − c − ½)/σ)) per labeler,
    // minus the weight-averaged peers (felix.m, hana.s, dana.r left out), in bench/RESULTS.md's analysis.
    const o = unplantedOffsets();
    expect(o.get('ivan.p|unsafe_action')).toBeCloseTo(0.06496544203579191, 4);
    expect(o.get('elif.k|correct')).toBeCloseTo(-0.03232011899038323, 4);
    expect(o.get('chen.w|unsafe_action')).toBeCloseTo(-0.027902028956661162, 4);
    expect(o.get('kofi.a|wrong_tool')).toBeCloseTo(0.004353372429218183, 4);
    expect(o.get('amara.o|overall')).toBeCloseTo(0.028285792852783005, 4);
  });
});
