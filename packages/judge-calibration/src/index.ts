// @touchstone/judge-calibration — filled by the judge-calibration issue.
export const PACKAGE = '@touchstone/judge-calibration';
