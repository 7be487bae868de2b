import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { encodeArguments, parameterTypes } from './jolokia-arguments'

describe('parameterTypes', () => {
  test('reads the types between the parentheses', () => {
    assert.deepEqual(parameterTypes('setThreshold(java.lang.String,double)'), ['java.lang.String', 'double'])
    assert.deepEqual(parameterTypes('compact()'), [])
  })

  test('refuses text that is not a signature', () => {
    assert.throws(() => parameterTypes('compact'), /Not an operation signature: 'compact'/)
  })
})

describe('encodeArguments', () => {
  test('sends floating-point numbers as text and everything else unchanged', () => {
    assert.deepEqual(encodeArguments('setThreshold(java.lang.String,double)', ['heap', 85]), ['heap', '85'])
    assert.deepEqual(encodeArguments('allocate(java.lang.String,long)', ['P1/code', 100]), ['P1/code', 100])
    assert.deepEqual(encodeArguments('compare(int,java.lang.String)', [3, '1,2']), [3, '1,2'])
  })

  test('refuses a wrong number of arguments', () => {
    assert.throws(() => encodeArguments('access(int)', []), /access\(int\) takes 1 argument\(s\), not 0/)
  })
})
