/** A leniency test's scope: one labeler overall (slice −1) or within one slice. */
export interface TestCell {
  readonly labeler: number;
  readonly slice: number;
}

/**
 * Assigns test indices to labelers and labeler × slice cells that have at least `minLabels`
 * positions; per-slice cells only when the gold set has more than one slice.
 */
export function assignTests(
  nLabelers: number,
  nSlices: number,
  countLabeler: Int32Array,
  countCell: Int32Array,
  minLabels: number,
): { cells: TestCell[]; labelerTest: Int32Array; cellTest: Int32Array } {
  const cells: TestCell[] = [];
  const labelerTest = new Int32Array(nLabelers).fill(-1);
  const cellTest = new Int32Array(nLabelers * nSlices).fill(-1);
  for (let j = 0; j < nLabelers; j++) {
    if (countLabeler[j]! < minLabels) continue;
    labelerTest[j] = cells.length;
    cells.push({ labeler: j, slice: -1 });
  }
  if (nSlices > 1) {
    for (let j = 0; j < nLabelers; j++) {
      for (let s = 0; s < nSlices; s++) {
        if (countCell[j * nSlices + s]! < minLabels) continue;
        cellTest[j * nSlices + s] = cells.length;
        cells.push({ labeler: j, slice: s });
      }
    }
  }
  return { cells, labelerTest, cellTest };
}
