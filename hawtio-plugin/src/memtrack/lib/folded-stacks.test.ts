import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { FlameNode, layoutFlame, maxDepth, parseFoldedStacks } from './folded-stacks'

const SAMPLE = [
  'main;App.run;Cache.put;byte[] 600',
  'main;App.run;Cache.put;java.lang.String 100',
  'main;App.run;Parser.parse 200',
  'worker;Job.step 100',
  'main;App.run;Parser.parse 100',
].join('\n')

function find(node: FlameNode, ...path: string[]): FlameNode {
  return path.reduce((n, name) => {
    const next = n.children.find(c => c.name === name)
    assert.ok(next, `no frame ${name} under ${n.name}`)
    return next
  }, node)
}

describe('parseFoldedStacks', () => {
  test('builds totals and self weights along each stack', () => {
    const { root, stacks, skipped } = parseFoldedStacks(SAMPLE)
    assert.equal(stacks, 5)
    assert.deepEqual(skipped, [])
    assert.equal(root.total, 1100)
    assert.equal(find(root, 'main').total, 1000)
    assert.equal(find(root, 'main', 'App.run').self, 0)
    assert.equal(find(root, 'main', 'App.run', 'Cache.put').total, 700)
    assert.equal(find(root, 'main', 'App.run', 'Cache.put', 'byte[]').self, 600)
  })

  test('adds up repeated stacks', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    assert.equal(find(root, 'main', 'App.run', 'Parser.parse').self, 300)
  })

  test('orders children heaviest first', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    assert.deepEqual(
      root.children.map(c => c.name),
      ['main', 'worker'],
    )
    assert.deepEqual(
      find(root, 'main', 'App.run').children.map(c => c.name),
      ['Cache.put', 'Parser.parse'],
    )
  })

  test('takes the weight from the last space, so frames may contain spaces', () => {
    const { root } = parseFoldedStacks('Outer.call;lambda$0 (Inner.java:12) 42')
    assert.equal(find(root, 'Outer.call', 'lambda$0 (Inner.java:12)').self, 42)
  })

  test('reports lines it cannot read instead of dropping them silently', () => {
    const { stacks, skipped } = parseFoldedStacks('a;b 10\nno-weight\na;b ten\na;;b 3\n\n  \nc 1\r\n')
    assert.equal(stacks, 2)
    assert.deepEqual(
      skipped.map(s => [s.lineNumber, s.reason]),
      [
        [2, 'no weight after the stack'],
        [3, "weight 'ten' is not a whole number"],
        [4, 'empty frame name'],
      ],
    )
  })

  test('empty input gives an empty tree', () => {
    const { root, stacks } = parseFoldedStacks('')
    assert.equal(stacks, 0)
    assert.equal(root.total, 0)
    assert.deepEqual(layoutFlame(root), [])
  })
})

describe('layoutFlame', () => {
  test('widths are proportional to totals and children start at their parent', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    const rects = layoutFlame(root)
    const byName = new Map(rects.map(r => [r.node.name, r]))
    assert.equal(byName.get('all')?.width, 1)
    assert.equal(byName.get('main')?.x, 0)
    assert.ok(Math.abs((byName.get('main')?.width ?? 0) - 1000 / 1100) < 1e-12)
    assert.ok(Math.abs((byName.get('worker')?.x ?? 0) - 1000 / 1100) < 1e-12)
    assert.equal(byName.get('Cache.put')?.depth, 3)
    assert.equal(maxDepth(rects), 4)
  })

  test('zooming makes the focused frame full width with its ancestors above it', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    const rects = layoutFlame(root, ['main', 'App.run', 'Cache.put'])
    const focused = rects.find(r => r.node.name === 'Cache.put')
    assert.deepEqual([focused?.x, focused?.width, focused?.depth, focused?.ancestor], [0, 1, 3, false])
    assert.deepEqual(
      rects.filter(r => r.ancestor).map(r => r.node.name),
      ['all', 'main', 'App.run'],
    )
    assert.ok(!rects.some(r => r.node.name === 'worker'), 'siblings of the focus are not drawn')
    const bytes = rects.find(r => r.node.name === 'byte[]')
    assert.ok(Math.abs((bytes?.width ?? 0) - 600 / 700) < 1e-12)
    assert.deepEqual(bytes?.path, ['main', 'App.run', 'Cache.put', 'byte[]'])
  })

  test('an unknown focus path shows the whole tree', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    assert.deepEqual(layoutFlame(root, ['nope']), layoutFlame(root))
  })

  test('leaves out boxes narrower than the minimum width', () => {
    const { root } = parseFoldedStacks(SAMPLE)
    const names = layoutFlame(root, [], 0.1).map(r => r.node.name)
    assert.ok(names.includes('byte[]'))
    assert.ok(!names.includes('java.lang.String'), '100/1100 is below 10 %')
  })
})
