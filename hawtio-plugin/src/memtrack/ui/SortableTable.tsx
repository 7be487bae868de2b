import { Table, Tbody, Td, Th, Thead, ThProps, Tr } from '@patternfly/react-table'
import React, { useMemo, useState } from 'react'
import { SortDirection, SortState, nextSort, sortRows } from '../lib/sort'

export type Column<T> = {
  readonly key: keyof T & string
  readonly title: string
  /** Cell text; defaults to the value as a string. */
  readonly render?: (row: T) => React.ReactNode
  /** Numbers use tabular figures and sort descending first. */
  readonly numeric?: boolean
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
              <Th key={column.key} sort={sortProps(column, index)} modifier={column.numeric ? 'nowrap' : 'wrap'} textCenter={false}>
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
                  <Td key={column.key} dataLabel={column.title} className={column.numeric ? 'memtrack-number' : undefined}>
                    {column.render ? column.render(row) : String(row[column.key] ?? '')}
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
