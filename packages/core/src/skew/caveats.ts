import type { Comparison } from './skew-report.js';

/** What each comparison assumes, said with every finding that rests on it. */
export const CAVEATS: Record<Comparison, string> = {
  co_labelers:
    'compared with the other labelers of the same items (leave-one-out mean); assumes those co-labelers are unbiased on average, so a bias most labelers share is invisible',
  slice_peers:
    'most items have a single label, so there are no peers on the same items: compared with the other labelers on the same slice; assumes items were assigned at random within the slice (a labeler given easier items looks lenient)',
  judge_adjusted_slice_peers:
    "most items have a single label: compared with the other labelers on the same slice after adjusting each label for the judge's score of the item; assumes the judge is equally accurate on every labeler's items",
};

export const TIME_CAVEATS = {
  calendar: 'trend of this labeler\'s residuals against labeling date; a change in the item mix over time can look like drift',
  guideline_version: 'trend of this labeler\'s residuals across guideline versions (in order of first use); confounded with calendar time',
  session_position: 'trend of residuals against position within a session, stratified by session; items served in a non-random order within sessions can mimic fatigue',
} as const;
