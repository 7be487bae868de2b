import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { wrapPieces } from './name-wrap'

describe('wrapPieces', () => {
  test('cuts an allocation site after its dots and keeps its source position whole', () => {
    assert.deepEqual(wrapPieces('dev.memtrack.demo.BatchJobTask.run(BatchJobTask.java:19)'), [
      'dev.',
      'memtrack.',
      'demo.',
      'BatchJobTask.',
      'run',
      '(BatchJobTask.java:19)',
    ])
  })

  test('cuts nested and lambda class names after each $', () => {
    assert.deepEqual(wrapPieces('a.Gate$$Lambda$145'), ['a.', 'Gate$', '$', 'Lambda$', '145'])
  })

  test('cuts paths and lists after / and , outside parentheses only', () => {
    assert.deepEqual(wrapPieces('java/util/Map,int[]'), ['java/', 'util/', 'Map,', 'int[]'])
    assert.deepEqual(wrapPieces('a.m(b.C,d/E)x.y'), ['a.', 'm', '(b.C,d/E)x.', 'y'])
  })

  test('gives the name back when the pieces are joined, unbalanced parentheses too', () => {
    for (const name of ['byte[]', 'java.lang.String', 'x.', '.x', '((', 'a)b.c', 'Outer$Inner.<init>(Outer.java:7)', 'f(g(h).i']) {
      assert.equal(wrapPieces(name).join(''), name, name)
    }
  })

  test('leaves a name without separators whole, and an empty name empty', () => {
    assert.deepEqual(wrapPieces('pool-1-thread-3'), ['pool-1-thread-3'])
    assert.deepEqual(wrapPieces(''), [])
  })
})
