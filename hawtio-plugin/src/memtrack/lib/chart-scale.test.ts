import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { binaryUnit, linePath, linearScale, niceTicks, valueAxis } from './chart-scale'

describe('linearScale', () => {
  test('maps the domain onto the range, also inverted', () => {
    const y = linearScale([0, 100], [200, 0])
    assert.equal(y(0), 200)
    assert.equal(y(100), 0)
    assert.equal(y(25), 150)
  })

  test('a zero-width domain maps to the range start', () => {
    assert.equal(linearScale([5, 5], [0, 10])(5), 0)
  })
})

describe('niceTicks', () => {
  test('uses steps of 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100])
    assert.deepEqual(niceTicks(0, 7, 4), [0, 2, 4, 6, 8])
    assert.deepEqual(niceTicks(0, 0.3, 3), [0, 0.1, 0.2, 0.3])
  })

  test('covers the whole range', () => {
    const ticks = niceTicks(13, 987, 4)
    assert.ok((ticks[0] as number) <= 13)
    assert.ok((ticks[ticks.length - 1] as number) >= 987)
  })

  test('handles a single value and non-finite input', () => {
    assert.deepEqual(niceTicks(3, 3), [3])
    assert.deepEqual(niceTicks(NaN, 3), [])
  })
})

describe('valueAxis', () => {
  test('starts at zero and reaches a nice value above the maximum', () => {
    const { domain, ticks } = valueAxis({ min: 12, max: 930 })
    assert.equal(domain[0], 0)
    assert.ok(domain[1] >= 930)
    assert.equal(ticks[0], 0)
  })

  test('honours a ceiling such as 100 %', () => {
    assert.deepEqual(valueAxis({ min: 1, max: 30 }, { max: 100 }).domain, [0, 100])
  })

  test('puts byte ticks at nice multiples of the binary unit', () => {
    const MiB = 1024 * 1024
    const { ticks } = valueAxis({ min: 0, max: 572 * MiB }, { binary: true })
    assert.deepEqual(
      ticks.map(t => t / MiB),
      [0, 200, 400, 600],
    )
    assert.equal(binaryUnit(1023), 1)
    assert.equal(binaryUnit(5 * 1024 ** 3), 1024 ** 3)
  })

  test('keeps negative values visible and works without data', () => {
    assert.ok(valueAxis({ min: -12, max: 5 }).domain[0] <= -12)
    assert.deepEqual(valueAxis(null).domain, [0, 1])
  })
})

describe('linePath', () => {
  test('draws lines and breaks them at large gaps', () => {
    const path = linePath(
      [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 10, y: 3 },
      ],
      5,
    )
    assert.equal(path, 'M0.0,1.0L1.0,2.0M10.0,3.0')
  })
})
