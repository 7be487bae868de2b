import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Series, append, appendAll, emptySet, latest, valueRange } from './rolling-series'

const window = { millis: 10_000, maxSamples: 100 }

describe('append', () => {
  test('keeps samples within the window of the newest one', () => {
    let s: Series = []
    for (let t = 0; t <= 20_000; t += 5_000) {
      s = append(s, { t, v: t / 1000 }, window)
    }
    assert.deepEqual(
      s.map(x => x.t),
      [10_000, 15_000, 20_000],
    )
  })

  test('does not change the series it was given', () => {
    const s: Series = [{ t: 0, v: 1 }]
    const next = append(s, { t: 1, v: 2 }, window)
    assert.equal(s.length, 1)
    assert.equal(next.length, 2)
    assert.notEqual(next, s)
  })

  test('caps the number of samples', () => {
    let s: Series = []
    for (let t = 0; t < 50; t++) {
      s = append(s, { t, v: t }, { millis: 1_000_000, maxSamples: 10 })
    }
    assert.equal(s.length, 10)
    assert.equal(s[0]?.t, 40)
    assert.equal(latest(s), 49)
  })

  test('ignores NaN and samples older than the newest', () => {
    const s = append([], { t: 100, v: 1 }, window)
    assert.equal(append(s, { t: 200, v: NaN }, window), s)
    assert.equal(append(s, { t: 50, v: 3 }, window), s)
  })
})

describe('series sets', () => {
  test('append all keys at one time stamp and leave missing keys alone', () => {
    let set = emptySet(['used', 'max'] as const)
    set = appendAll(set, 1000, { used: 10, max: 100 }, window)
    set = appendAll(set, 2000, { used: 20 }, window)
    assert.deepEqual(
      set.used.map(s => s.v),
      [10, 20],
    )
    assert.deepEqual(
      set.max.map(s => s.v),
      [100],
    )
  })

  test('value range spans every series', () => {
    assert.deepEqual(
      valueRange([
        [{ t: 0, v: 5 }],
        [
          { t: 0, v: -2 },
          { t: 1, v: 9 },
        ],
      ]),
      { min: -2, max: 9 },
    )
    assert.equal(valueRange([[], []]), null)
  })
})
