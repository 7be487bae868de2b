import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  NOT_AVAILABLE,
  formatBytes,
  formatBytesPerSecond,
  formatClock,
  formatCount,
  formatDuration,
  formatPercent,
  formatRatio,
  isUnknown,
} from './format'

describe('formatBytes', () => {
  test('uses bytes below one KiB', () => {
    assert.equal(formatBytes(0), '0 B')
    assert.equal(formatBytes(1023), '1023 B')
  })

  test('switches to the next binary unit at 1024 and keeps three significant digits', () => {
    assert.equal(formatBytes(1024), '1.00 KiB')
    assert.equal(formatBytes(1536), '1.50 KiB')
    assert.equal(formatBytes(12.34 * 1024 * 1024), '12.3 MiB')
    assert.equal(formatBytes(512 * 1024 ** 3), '512 GiB')
    assert.equal(formatBytes(3 * 1024 ** 4), '3.00 TiB')
  })

  test('prints unknown values (-1, NaN, null) as n/a', () => {
    for (const unknown of [-1, NaN, null, undefined, Infinity]) {
      assert.equal(formatBytes(unknown), NOT_AVAILABLE, String(unknown))
    }
  })
})

describe('rates, percentages and ratios', () => {
  test('a rate is bytes per second', () => {
    assert.equal(formatBytesPerSecond(2 * 1024 * 1024), '2.00 MiB/s')
    assert.equal(formatBytesPerSecond(-1), NOT_AVAILABLE)
  })

  test('a percentage keeps the requested digits', () => {
    assert.equal(formatPercent(42.46), '42.5 %')
    assert.equal(formatPercent(7, 0), '7 %')
    assert.equal(formatPercent(NaN), NOT_AVAILABLE)
  })

  test('a ratio is shown as a percentage', () => {
    assert.equal(formatRatio(0.425), '42.5 %')
    assert.equal(formatRatio(1), '100.0 %')
  })
})

describe('counts and durations', () => {
  test('counts get thousands separators and are rounded', () => {
    assert.equal(formatCount(1234567), '1,234,567')
    assert.equal(formatCount(2.6), '3')
  })

  test('durations show the two largest units', () => {
    assert.equal(formatDuration(850), '850 ms')
    assert.equal(formatDuration(12_500), '12.5 s')
    assert.equal(formatDuration(5 * 60_000 + 12_000), '5 min 12 s')
    assert.equal(formatDuration(3 * 3_600_000 + 4 * 60_000 + 59_000), '3 h 4 min')
    assert.equal(formatDuration(2 * 86_400_000 + 5 * 3_600_000), '2 d 5 h')
  })

  test('clock time is zero padded', () => {
    const t = new Date(2026, 0, 2, 3, 4, 5).getTime()
    assert.equal(formatClock(t), '03:04:05')
  })
})

test('isUnknown accepts zero and positive finite numbers only as known', () => {
  assert.equal(isUnknown(0), false)
  assert.equal(isUnknown(1e12), false)
  assert.equal(isUnknown(-0.5), true)
})
