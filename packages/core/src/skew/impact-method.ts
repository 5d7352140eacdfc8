/** What `impact` means, said in the report's method section (and, in other words, in the README and `skew --help`). */
export const IMPACT_METHOD =
  'counterfactual: how the consensus gold would differ had the labeler labeled like their peers. Each of their labels is redrawn ' +
  'with their estimated bias removed (their overall leniency; on a slice with its own flag, that slice\'s), kept on the scale ' +
  '(ordinal: rounded at random to a neighbouring score so the mean moves by exactly the bias; binary/nominal: a label switches ' +
  'side with the probability that removes the bias), the other labels and the number of labels per item unchanged; flipped_items ' +
  'and pass_rate_shift are expectations. reference: the same figures (median and 95th percentile) for a bias that is estimation ' +
  'noise only, N(0, null standard error of the estimate), i.e. what an unbiased labeler of the same design and volume moves. ' +
  'Guideline shifts: the older version\'s labels on the slice corrected by the shift. leave_one_out (labelers): what dropping ' +
  'the labeler\'s labels changes — dependence on them, not their bias.';
