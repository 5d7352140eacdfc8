// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: reliability data of
// 4 observers (A–D) × 12 units, null = not coded. Also irrCAC's cac.raw4raters (Gwet 2014, p. 120).
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];

/** One array of ratings per unit (A, B, C, D). */
export const KRIPPENDORFF_UNITS: (number | null)[][] = A.map((_, u) => [A[u] ?? null, B[u] ?? null, C[u] ?? null, D[u] ?? null]);
