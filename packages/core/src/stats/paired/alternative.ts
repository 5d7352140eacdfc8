/**
 * The alternative hypothesis of a test, named as scipy names it: 'less' means the statistic's
 * location is below the null value, 'greater' above, 'two-sided' either.
 */
export type Alternative = 'two-sided' | 'less' | 'greater';
