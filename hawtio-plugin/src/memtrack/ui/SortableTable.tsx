import { Table, Tbody, Td, Th, Thead, ThProps, Tr } from '@patternfly/react-table'
import React, { useMemo, useState } from 'react'
import { SortDirection, SortState, nextSort, sortRows } from '../lib/sort'
import { WrappingName } from './WrappingName'

export type Column<T> = {
  readonly key: keyof T & string
  readonly title: string
  /** Cell text; defaults to the value as a string. */
  readonly render?: (row: T) => React.ReactNode
  /** Numbers: a narrow, right-aligned column of tabular figures that sorts descending first. */
  readonly numeric?: boolean
  /**
   * Long Java names without spaces (classes, allocation sites, threads): they wrap after their dots rather than
   * widen the table past its panel, with the whole name in a tooltip. Applies to cells without `render`.
   */
  readonly longNames?: boolean
  /**
   * Secondary information shown under the cell's value in a smaller line that says what it is ("p99 12 ms"),
   * or null for none: stacked, it keeps a wide table within its panel instead of taking a column of its own.
   */
  readonly detail?: (row: T) => React.ReactNode
}

type Props<T> = {
  readonly label: string
  readonly rows: readonly T[]
  readonly columns: readonly Column<T>[]
  readonly rowKey: (row: T) => string
  readonly initialSort: SortState<keyof T & string>
  readonly emptyText: string
  readonly compact?: boolean
}

/** A table sorted on the client by clicking a column header; ties keep the server's order. */
export function SortableTable<T extends object>(props: Props<T>): React.ReactElement {
  const { label, rows, columns, rowKey, initialSort, emptyText, compact = true } = props
  const [sort, setSort] = useState<SortState<keyof T & string>>(initialSort)
  const sorted = useMemo(() => sortRows(rows, sort.column, sort.direction), [rows, sort])

  const sortProps = (column: Column<T>, index: number): ThProps['sort'] => ({
    sortBy: {
      index: columns.findIndex(c => c.key === sort.column),
      direction: sort.direction,
      defaultDirection: column.numeric ? 'desc' : 'asc',
    },
    onSort: () => setSort(current => nextSort(current, column.key, (column.numeric ? 'desc' : 'asc') as SortDirection)),
    columnIndex: index,
  })

  return (
    <div className='memtrack-table-scroll'>
      <Table aria-label={label} variant={compact ? 'compact' : undefined}>
        <Thead>
          <Tr>
            {columns.map((column, index) => (
              <Th
                key={column.key}
                sort={sortProps(column, index)}
                modifier={column.numeric ? 'fitContent' : 'wrap'}
                className={column.numeric ? 'memtrack-number' : undefined}
              >
                {column.title}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {sorted.length === 0 ? (
            <Tr>
              <Td colSpan={columns.length}>{emptyText}</Td>
            </Tr>
          ) : (
            sorted.map(row => (
              <Tr key={rowKey(row)}>
                {columns.map(column => (
                  <Td
                    key={column.key}
                    dataLabel={column.title}
                    modifier={column.numeric ? 'fitContent' : undefined}
                    className={column.numeric ? 'memtrack-number' : undefined}
                  >
                    {cell(column, row)}
                  </Td>
                ))}
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
    </div>
  )
}

function cell<T>(column: Column<T>, row: T): React.ReactNode {
  const value = mainValue(column, row)
  const detail = column.detail?.(row)
  return detail === undefined || detail === null ? (
    value
  ) : (
    <React.Fragment>
      {value}
      <div className='memtrack-cell-detail'>{detail}</div>
    </React.Fragment>
  )
}

function mainValue<T>(column: Column<T>, row: T): React.ReactNode {
  if (column.render) {
    return column.render(row)
  }
  const text = String(row[column.key] ?? '')
  return column.longNames ? <WrappingName name={text} /> : text
}
