/** Client-side sorting of table rows by one column. */

export type SortDirection = 'asc' | 'desc'

export type SortState<K extends string> = { column: K; direction: SortDirection }

type Cell = string | number | boolean | null | undefined

/**
 * Returns a new array sorted by `column`; the input is not changed. Numbers compare numerically, strings
 * by locale (numeric-aware, so "item2" < "item10"), booleans false before true. Missing values and NaN
 * always go last whatever the direction, so a sort never buries the rows that have data. Equal rows keep
 * their order (the sort is stable), so the server's ranking stays visible within ties.
 */
export function sortRows<T extends object, K extends keyof T & string>(rows: readonly T[], column: K, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column] as Cell
      const y = b.row[column] as Cell
      const xMissing = isMissing(x)
      const yMissing = isMissing(y)
      if (xMissing || yMissing) {
        return xMissing === yMissing ? a.index - b.index : xMissing ? 1 : -1
      }
      const order = compareCells(x, y)
      return order !== 0 ? sign * order : a.index - b.index
    })
    .map(entry => entry.row)
}

/** The state after clicking a column header: a new column starts with `firstDirection`, the same one flips. */
export function nextSort<K extends string>(current: SortState<K>, clicked: K, firstDirection: SortDirection): SortState<K> {
  if (current.column !== clicked) {
    return { column: clicked, direction: firstDirection }
  }
  return { column: clicked, direction: current.direction === 'asc' ? 'desc' : 'asc' }
}

function isMissing(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

function compareCells(x: Cell, y: Cell): number {
  if (typeof x === 'number' && typeof y === 'number') {
    return x - y
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') {
    return Number(x) - Number(y)
  }
  return collator.compare(String(x), String(y))
}
