import type { SkewReport } from '@touchstone/core/schemas';
import type { DemoManifest } from './demo-manifest.js';
import { unplantedOffsets } from './unplanted-offsets.js';

/** Smallest real unlisted offset (label units) an unexplained flag is said to point along. */
const MIN_OFFSET = 0.01;

/** One planted effect of the manifest and whether `touchstone skew` found it. */
export interface PlantedResult {
  /** "lenient dana.r on hallucinated_policy", "fatigue felix.m", "guideline_shift v1 on tone". */
  readonly effect: string;
  readonly found: boolean;
  /** 1-based position of the finding among the report's flags (ranked by impact); null when not found. */
  readonly rank: number | null;
}

export interface SkewScorecard {
  readonly planted: PlantedResult[];
  /** Flags no planted effect explains: each a false finding ("labeler kind slice"). */
  readonly unexplained: string[];
  /**
   * The unexplained leniency/severity flags that point the way of a real offset the generator makes but
   * the manifest does not list (unplanted-offsets.ts, |offset| ≥ 0.01): true in direction, overstated in
   * size. Still counted in `unexplained`.
   */
  readonly alongUnplantedOffset: string[];
  /** Labelers with no planted effect that carry any flag. */
  readonly unplantedFlagged: string[];
  readonly calibration: {
    /** Largest |counterfactual pass-rate shift| and expected flips among labelers with no planted effect. */
    readonly unplantedMaxShift: number;
    readonly unplantedMaxFlips: number;
    /** The lenient labeler's expected flips on her slice; the largest unplanted labeler's overall and on that slice. */
    readonly plantedOnSlice: number;
    readonly unplantedMaxOnSlice: number;
    /** Impact relative to an unbiased labeler of the same volume (times_reference): the lenient labeler's, and the largest unplanted labeler's. */
    readonly plantedRelative: number;
    readonly unplantedMaxRelative: number;
  };
}

/**
 * Scores a skew report of the demo against its manifest. Found: a flag with the planted labeler (or
 * guideline version), slice, kind and direction. Explained: the planted finding itself; the lenient
 * labeler's overall leniency (her slice raises her average); and a fatigued labeler's leniency on any
 * slice or overall (their late-session drift raises their labels). Everything else is unexplained.
 */
export function scoreSkew(manifest: DemoManifest, report: SkewReport): SkewScorecard {
  const p = manifest.planted;
  const lenient = p.lenient_labeler;
  const fatigued = new Set(p.fatigue.labeler_ids);
  const [older] = p.guidelines.versions;
  const guidelineDirection = p.guidelines.v1_tone_leniency > 0 ? 'lenient' : 'severe';
  const rankOf = (test: (f: SkewReport['flags'][number]) => boolean): number | null => {
    const k = report.flags.findIndex(test);
    return k < 0 ? null : k + 1;
  };
  const planted: PlantedResult[] = [
    { effect: `lenient ${lenient.labeler_id} on ${lenient.slice}`, rank: rankOf((f) => f.labeler_id === lenient.labeler_id && f.kind === 'leniency' && f.slice === lenient.slice) },
    ...p.fatigue.labeler_ids.map((id) => ({ effect: `fatigue ${id}`, rank: rankOf((f) => f.labeler_id === id && f.kind === 'fatigue' && f.direction === (p.fatigue.per_item > 0 ? 'lenient' : 'severe')) })),
    { effect: `guideline_shift ${older ?? ''} on tone`, rank: rankOf((f) => f.kind === 'guideline_shift' && f.slice === 'tone' && f.versions?.older === older && f.direction === guidelineDirection) },
  ].map((r) => ({ ...r, found: r.rank !== null }));
  const explained = (f: SkewReport['flags'][number]): boolean => {
    if (f.kind === 'guideline_shift') return f.slice === 'tone' && f.direction === guidelineDirection && f.versions?.older === older;
    if (f.labeler_id === lenient.labeler_id) return f.kind === 'leniency' && (f.slice === lenient.slice || f.slice === null);
    if (f.labeler_id !== null && fatigued.has(f.labeler_id)) return f.kind === 'fatigue' || f.kind === 'leniency';
    return false;
  };
  const plantedIds = new Set([lenient.labeler_id, ...fatigued]);
  const unplanted = report.labelers.filter((l) => !plantedIds.has(l.labeler_id));
  const onSlice = (l: SkewReport['labelers'][number]): number => l.impact_by_slice.find((s) => s.slice === lenient.slice)?.flipped_items ?? 0;
  const lenientRow = report.labelers.find((l) => l.labeler_id === lenient.labeler_id);
  const offsets = unplantedOffsets();
  const name = (f: SkewReport['flags'][number]): string => `${f.labeler_id ?? `guideline ${f.versions?.older ?? ''}`} ${f.kind} ${f.slice ?? 'overall'}`;
  const alongOffset = (f: SkewReport['flags'][number]): boolean => {
    if (f.labeler_id === null || (f.kind !== 'leniency' && f.kind !== 'severity')) return false;
    const offset = offsets.get(`${f.labeler_id}|${f.slice ?? 'overall'}`) ?? 0;
    return Math.abs(offset) >= MIN_OFFSET && Math.sign(offset) === Math.sign(f.effect);
  };
  const unexplained = report.flags.filter((f) => !explained(f));
  return {
    planted,
    unexplained: unexplained.map(name),
    alongUnplantedOffset: unexplained.filter(alongOffset).map(name),
    unplantedFlagged: [...new Set(report.flags.flatMap((f) => (f.labeler_id !== null && !plantedIds.has(f.labeler_id) ? [f.labeler_id] : [])))],
    calibration: {
      unplantedMaxShift: Math.max(0, ...unplanted.map((l) => Math.abs(l.impact.pass_rate_shift))),
      unplantedMaxFlips: Math.max(0, ...unplanted.map((l) => l.impact.flipped_items)),
      plantedOnSlice: lenientRow === undefined ? 0 : onSlice(lenientRow),
      unplantedMaxOnSlice: Math.max(0, ...unplanted.map(onSlice)),
      plantedRelative: lenientRow?.impact.times_reference ?? 0,
      unplantedMaxRelative: Math.max(0, ...unplanted.map((l) => l.impact.times_reference ?? 0)),
    },
  };
}
