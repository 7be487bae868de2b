import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseDecimal, parseWholeNumber, readNumberField, wholeNumberParser } from './number-input'

const frames = { label: 'Frames', min: 1, max: 4096 }

describe('parseWholeNumber', () => {
  test('accepts the bounds and ignores surrounding blanks', () => {
    assert.deepEqual(parseWholeNumber('1', frames), { ok: true, value: 1 })
    assert.deepEqual(parseWholeNumber(' 4096 ', frames), { ok: true, value: 4096 })
  })

  test('explains a value out of range with the range', () => {
    assert.deepEqual(parseWholeNumber('0', frames), { ok: false, error: 'Frames must be from 1 to 4,096; got 0.' })
    assert.deepEqual(parseWholeNumber('-3', frames), { ok: false, error: 'Frames must be from 1 to 4,096; got -3.' })
    assert.deepEqual(parseWholeNumber('5000', frames), { ok: false, error: 'Frames must be from 1 to 4,096; got 5000.' })
  })

  test('quotes text that is not a whole number', () => {
    for (const text of ['3.5', '', 'ten', '1e3']) {
      assert.deepEqual(parseWholeNumber(text, frames), {
        ok: false,
        error: `Frames must be a whole number from 1 to 4,096; '${text}' is not.`,
      })
    }
  })

  test('refuses numbers beyond safe integer precision', () => {
    const result = parseWholeNumber('99999999999999999999', { label: 'Size', min: 1, max: 2 ** 60 })
    assert.equal(result.ok, false)
  })
})

describe('wholeNumberParser', () => {
  test('checks text against the rule it was given', () => {
    const parseFrames = wholeNumberParser(frames)
    assert.deepEqual(parseFrames('7'), { ok: true, value: 7 })
    assert.deepEqual(parseFrames('4097'), parseWholeNumber('4097', frames))
  })
})

describe('parseDecimal', () => {
  test('accepts integers, decimals and exponents', () => {
    assert.deepEqual(parseDecimal('85', 'Threshold'), { ok: true, value: 85 })
    assert.deepEqual(parseDecimal(' 0.5 ', 'Threshold'), { ok: true, value: 0.5 })
    assert.deepEqual(parseDecimal('1e6', 'Threshold'), { ok: true, value: 1e6 })
  })

  test('refuses empty and non-numeric text', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity']) {
      assert.deepEqual(parseDecimal(text, 'Threshold'), {
        ok: false,
        error: `Threshold must be a number such as 85 or 0.5; '${text}' is not.`,
      })
    }
  })
})

describe('readNumberField', () => {
  const parseFrames = wholeNumberParser(frames)

  test('gives the value of good text, optional or not', () => {
    assert.deepEqual(readNumberField(' 12 ', parseFrames, false), { value: 12, error: null })
    assert.deepEqual(readNumberField('12', parseFrames, true), { value: 12, error: null })
  })

  test('a blank optional field has neither value nor error', () => {
    assert.deepEqual(readNumberField('', parseFrames, true), { value: null, error: null })
    assert.deepEqual(readNumberField('   ', parseFrames, true), { value: null, error: null })
  })

  test('a blank required field says what it accepts', () => {
    assert.deepEqual(readNumberField('', parseFrames, false), {
      value: null,
      error: "Frames must be a whole number from 1 to 4,096; '' is not.",
    })
  })

  test('bad text has no value and the error of the rule, optional or not', () => {
    for (const optional of [false, true]) {
      assert.deepEqual(readNumberField('0', parseFrames, optional), { value: null, error: 'Frames must be from 1 to 4,096; got 0.' })
      assert.deepEqual(
        readNumberField('x', t => parseDecimal(t, 'Threshold'), optional),
        {
          value: null,
          error: "Threshold must be a number such as 85 or 0.5; 'x' is not.",
        },
      )
    }
  })
})
