import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { arcPath, pieSlices } from './pie'

describe('pieSlices', () => {
  test('divides the circle in proportion', () => {
    const [used, free] = pieSlices([1, 3])
    assert.equal(used?.share, 0.25)
    assert.equal(used?.start, 0)
    assert.ok(Math.abs((used?.end ?? 0) - Math.PI / 2) < 1e-12)
    assert.ok(Math.abs((free?.end ?? 0) - 2 * Math.PI) < 1e-12)
  })

  test('treats negative, NaN and all-zero values as empty', () => {
    assert.deepEqual(
      pieSlices([-1, NaN]).map(s => s.share),
      [0, 0],
    )
    assert.deepEqual(
      pieSlices([0, 5]).map(s => s.share),
      [0, 1],
    )
  })
})

describe('arcPath', () => {
  test('an empty slice draws nothing', () => {
    assert.equal(arcPath(50, 50, 40, 20, 1, 1), '')
  })

  test('a full circle is drawn as two half arcs', () => {
    const path = arcPath(50, 50, 40, 20, 0, 2 * Math.PI)
    assert.equal((path.match(/M/g) ?? []).length, 2)
  })

  test('uses the large-arc flag beyond half a circle', () => {
    assert.match(arcPath(50, 50, 40, 20, 0, 4), /A40,40 0 1 1/)
    assert.match(arcPath(50, 50, 40, 20, 0, 1), /A40,40 0 0 1/)
  })
})
