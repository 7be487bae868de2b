import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { numberMap, stringList, tableRows, toNumber } from './jolokia-values'

// Shapes copied from Jolokia 2.6 answers for the contract's tables.
const topThreads = {
  '1': { threadId: 1, bytes: 4000000, count: 500, estimated: true, rank: 1, thread: 'main' },
  '2': { threadId: 22, bytes: 400000, count: 50, estimated: true, rank: 2, thread: 'worker-1' },
}
const effectiveness = {
  'heap-pressure': {
    'reduce-parallelism': {
      'workload:batch-job': { score: 0.66, action: 'reduce-parallelism', rule: 'heap-pressure', target: 'workload:batch-job' },
      'workload:indexer': { score: 0.1, action: 'reduce-parallelism', rule: 'heap-pressure', target: 'workload:indexer' },
    },
  },
  'cpu-saturation': { pause: { 'workload:x': { score: 1, action: 'pause', rule: 'cpu-saturation', target: 'workload:x' } } },
}

describe('tableRows', () => {
  test('reads a one-index table keyed by its index', () => {
    const rows = tableRows<{ thread: string }>(topThreads)
    assert.deepEqual(
      rows.map(r => r.thread),
      ['main', 'worker-1'],
    )
  })

  test('reads a table with three index columns nested three deep', () => {
    const rows = tableRows<{ target: string }>(effectiveness)
    assert.deepEqual(
      rows.map(r => r.target),
      ['workload:batch-job', 'workload:indexer', 'workload:x'],
    )
  })

  test('reads an array of rows', () => {
    assert.equal(tableRows([{ a: 1 }, { a: 2 }]).length, 2)
  })

  test('an empty table, null or a scalar give no rows', () => {
    assert.deepEqual(tableRows({}), [])
    assert.deepEqual(tableRows(null), [])
    assert.deepEqual(tableRows(42), [])
  })

  test('a lone row where a table was expected gives no rows', () => {
    assert.deepEqual(tableRows({ rank: 1, thread: 'main' }), [])
  })

  test('rows may hold null (a NaN double)', () => {
    const rows = tableRows<{ effect: number | null }>({ '1': { id: 1, effect: null } })
    assert.equal(rows.length, 1)
  })
})

describe('scalars', () => {
  test('toNumber keeps numbers and turns NaN text and null into NaN', () => {
    assert.equal(toNumber(12.5), 12.5)
    assert.equal(toNumber('7'), 7)
    assert.ok(Number.isNaN(toNumber('NaN')))
    assert.ok(Number.isNaN(toNumber(null)))
    assert.ok(Number.isNaN(toNumber(undefined)))
    assert.ok(Number.isNaN(toNumber('')))
  })

  test('numberMap reads a plain object and a key/value table', () => {
    assert.deepEqual(numberMap({ 'heap-pressure': 85, cpu: null }), { 'heap-pressure': 85, cpu: NaN })
    assert.deepEqual(numberMap({ a: { key: 'a', value: 1 }, b: { key: 'b', value: 2.5 } }), { a: 1, b: 2.5 })
    assert.deepEqual(numberMap(null), {})
  })

  test('stringList reads arrays only', () => {
    assert.deepEqual(stringList(['FIFO', 'LRU']), ['FIFO', 'LRU'])
    assert.deepEqual(stringList('FIFO'), [])
  })
})
