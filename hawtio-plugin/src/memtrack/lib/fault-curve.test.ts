import assert from 'node:assert/strict'
import { test } from 'node:test'
import { beladyAnomalies } from './fault-curve'

test('finds the frame counts that fault more than one frame less', () => {
  // FIFO on 1,2,3,4,1,2,5,1,2,3,4,5: 9 faults with 3 frames, 10 with 4.
  const fifo = [
    { frames: 1, faults: 12 },
    { frames: 2, faults: 12 },
    { frames: 3, faults: 9 },
    { frames: 4, faults: 10 },
    { frames: 5, faults: 5 },
  ]
  assert.deepEqual(beladyAnomalies(fifo), [4])
})

test('a non-increasing curve has no anomaly, in whatever order the points come', () => {
  assert.deepEqual(
    beladyAnomalies([
      { frames: 3, faults: 8 },
      { frames: 1, faults: 12 },
      { frames: 2, faults: 10 },
    ]),
    [],
  )
})

test('compares only neighbouring frame counts', () => {
  assert.deepEqual(
    beladyAnomalies([
      { frames: 1, faults: 5 },
      { frames: 3, faults: 6 },
    ]),
    [],
  )
})
