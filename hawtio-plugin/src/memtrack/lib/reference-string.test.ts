import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatReferences, parseReferenceString } from './reference-string'

describe('parseReferenceString', () => {
  test('accepts pages separated by commas, spaces or both', () => {
    const result = parseReferenceString(' 7,0 1,  2\n0 ', 100)
    assert.ok(result.ok)
    assert.deepEqual(
      result.references.map(r => r.page),
      [7, 0, 1, 2, 0],
    )
    assert.equal(result.hasProcesses, false)
  })

  test('accepts process-qualified pages', () => {
    const result = parseReferenceString('A:1,B:1,A:2', 100)
    assert.ok(result.ok)
    assert.deepEqual(result.references, [
      { process: 'A', page: 1 },
      { process: 'B', page: 1 },
      { process: 'A', page: 2 },
    ])
    assert.equal(result.hasProcesses, true)
    assert.equal(formatReferences(result.references), 'A:1,B:1,A:2')
  })

  test('names the position and text of a bad reference', () => {
    const result = parseReferenceString('7,0,x1,2', 100)
    assert.equal(result.ok, false)
    assert.match(!result.ok ? result.error : '', /^Reference 3 \('x1'\) is not a page number: write pages as/)
  })

  test('rejects negative pages, empty processes and pages beyond int range', () => {
    for (const [text, fragment] of [
      ['-1', "Reference 1 ('-1') is not a page number"],
      [':4', 'has no valid process name'],
      ['A:', 'is not a page number'],
      ['2147483648', 'larger than the largest page number'],
    ]) {
      const result = parseReferenceString(text as string, 100)
      assert.equal(result.ok, false, text)
      assert.ok(!result.ok && result.error.includes(fragment as string), `${text}: ${!result.ok && result.error}`)
    }
  })

  test('asks for input when there is none', () => {
    const result = parseReferenceString(' , ', 100)
    assert.ok(!result.ok && result.error.startsWith('Enter at least one page reference'))
  })

  test('enforces the maximum number of references', () => {
    const result = parseReferenceString('1 2 3 4', 3)
    assert.ok(!result.ok && result.error.includes('has 4 references; at most 3 are accepted'))
  })
})
