import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { nextSort, sortRows } from './sort'

type Row = { name: string; bytes: number; estimated?: boolean }

const rows: Row[] = [
  { name: 'item10', bytes: 30 },
  { name: 'item2', bytes: 10 },
  { name: 'Alpha', bytes: NaN },
  { name: 'beta', bytes: 20 },
]

describe('sortRows', () => {
  test('sorts numbers numerically in both directions', () => {
    assert.deepEqual(
      sortRows(rows, 'bytes', 'asc')
        .map(r => r.bytes)
        .slice(0, 3),
      [10, 20, 30],
    )
    assert.deepEqual(
      sortRows(rows, 'bytes', 'desc')
        .map(r => r.bytes)
        .slice(0, 3),
      [30, 20, 10],
    )
  })

  test('puts NaN and missing values last in either direction', () => {
    assert.equal(sortRows(rows, 'bytes', 'asc')[3]?.name, 'Alpha')
    assert.equal(sortRows(rows, 'bytes', 'desc')[3]?.name, 'Alpha')
    const withMissing: Row[] = [
      { name: 'a', bytes: 1, estimated: true },
      { name: 'b', bytes: 2 },
    ]
    assert.equal(sortRows(withMissing, 'estimated', 'desc')[1]?.name, 'b')
  })

  test('compares strings case-insensitively and numeric-aware', () => {
    assert.deepEqual(
      sortRows(rows, 'name', 'asc').map(r => r.name),
      ['Alpha', 'beta', 'item2', 'item10'],
    )
  })

  test('is stable: equal values keep the server order', () => {
    const ties: Row[] = [
      { name: 'first', bytes: 5 },
      { name: 'second', bytes: 5 },
      { name: 'third', bytes: 5 },
    ]
    assert.deepEqual(
      sortRows(ties, 'bytes', 'desc').map(r => r.name),
      ['first', 'second', 'third'],
    )
  })

  test('does not modify its input', () => {
    const copy = [...rows]
    sortRows(rows, 'name', 'desc')
    assert.deepEqual(rows, copy)
  })

  test('orders booleans false before true ascending', () => {
    const flags = [
      { name: 'x', bytes: 0, estimated: true },
      { name: 'y', bytes: 0, estimated: false },
    ]
    assert.deepEqual(
      sortRows(flags, 'estimated', 'asc').map(r => r.name),
      ['y', 'x'],
    )
  })
})

describe('nextSort', () => {
  test('a new column starts with the given direction', () => {
    assert.deepEqual(nextSort({ column: 'name', direction: 'asc' }, 'bytes', 'desc'), { column: 'bytes', direction: 'desc' })
  })

  test('the same column flips direction', () => {
    assert.deepEqual(nextSort({ column: 'bytes', direction: 'desc' }, 'bytes', 'desc'), { column: 'bytes', direction: 'asc' })
  })
})
