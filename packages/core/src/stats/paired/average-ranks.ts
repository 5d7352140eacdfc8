/**
 * 1-based ranks with ties given their average rank (scipy `rankdata(x, 'average')`), and the size
 * of every tie group (groups of one included), which tie corrections need.
 * @example averageRanks([3, 1, 3]) // { ranks: [2.5, 1, 2.5], tieSizes: [1, 2] }
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end += 1;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}
