import type { TableRow } from '../components/DataTable.js';
import type { ItemHit } from '../data/item-search.js';
import type { ColumnSpec } from '../format/layout-columns.js';

export const ITEM_COLUMNS: readonly ColumnSpec[] = [
  { header: 'item', width: 12 },
  { header: 'slice', width: 14, drop: 2 },
  { header: 'labels', width: 6, align: 'right', drop: 3 },
  { header: 'consensus', width: 11 },
  { header: 'input', width: 12, flex: 1, drop: 1 },
];

export function itemTableRows(items: readonly ItemHit[]): TableRow[] {
  return items.map((i) => {
    const value = i.consensus_text ?? (i.consensus_value === null ? 'tie' : String(i.consensus_value));
    return {
      key: i.item_id,
      cells: [i.item_id, i.slice ?? '–', String(i.n_labels), `${value} ${i.pass === null ? '?' : i.pass ? 'pass' : 'fail'}`, i.input],
    };
  });
}
