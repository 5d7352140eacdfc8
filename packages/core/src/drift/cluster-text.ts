// How a cluster of texts is shown in a report: its most common slice and shortened examples.

/** The most common slice among some rows (ties: alphabetical), null when none carries one. */
export function topSlice(slices: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const sl of slices) if (sl !== null) counts.set(sl, (counts.get(sl) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return top === undefined ? null : top[0];
}

export function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
