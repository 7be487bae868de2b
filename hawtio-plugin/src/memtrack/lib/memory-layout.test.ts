import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { memoryBlocks } from './memory-layout'

describe('memoryBlocks', () => {
  test('orders segments and holes by address with fractional positions', () => {
    const blocks = memoryBlocks(
      1000,
      [
        { name: 'P1/data', process: 'P1', base: 500, limit: 250 },
        { name: 'P1/code', process: 'P1', base: 0, limit: 100 },
      ],
      [
        { base: 100, length: 400 },
        { base: 750, length: 250 },
      ],
    )
    assert.deepEqual(
      blocks.map(b => [b.kind, b.base, b.length, b.x, b.width]),
      [
        ['segment', 0, 100, 0, 0.1],
        ['hole', 100, 400, 0.1, 0.4],
        ['segment', 500, 250, 0.5, 0.25],
        ['hole', 750, 250, 0.75, 0.25],
      ],
    )
  })

  test('shows uncovered space as a hole and merges touching holes', () => {
    const blocks = memoryBlocks(100, [{ name: 'a', process: 'a', base: 50, limit: 10 }], [{ base: 0, length: 20 }])
    assert.deepEqual(
      blocks.map(b => [b.kind, b.base, b.length]),
      [
        ['hole', 0, 50],
        ['segment', 50, 10],
        ['hole', 60, 40],
      ],
    )
  })

  test('an empty memory is one hole and a zero size gives nothing', () => {
    assert.deepEqual(
      memoryBlocks(64, [], []).map(b => [b.kind, b.width]),
      [['hole', 1]],
    )
    assert.deepEqual(memoryBlocks(0, [], []), [])
  })
})
