/**
 * Folded stacks (`frame;frame;frame count` per line, outermost frame first, as AllocationsMXBean.foldedStacks
 * returns them) turned into a call tree, and the tree laid out as a flame graph.
 */

export type FlameNode = {
  readonly name: string
  /** Weight of this frame and everything called from it. */
  total: number
  /** Weight recorded with this frame as the innermost one. */
  self: number
  readonly children: FlameNode[]
}

export type SkippedLine = { readonly lineNumber: number; readonly text: string; readonly reason: string }

export type ParsedStacks = {
  readonly root: FlameNode
  /** Lines that contributed to the tree. */
  readonly stacks: number
  /** Lines that were not understood, with the reason; shown to the user rather than silently dropped. */
  readonly skipped: readonly SkippedLine[]
}

export const ROOT_NAME = 'all'

/**
 * Parses folded stacks. The weight is the last space-separated token, so frames may contain spaces; it must
 * be a non-negative integer. Repeated stacks add up. Blank lines are ignored. Children are ordered heaviest
 * first (ties by name) so the widest frames come first from the left.
 */
export function parseFoldedStacks(text: string): ParsedStacks {
  const root: FlameNode = { name: ROOT_NAME, total: 0, self: 0, children: [] }
  const index = new Map<FlameNode, Map<string, FlameNode>>()
  const skipped: SkippedLine[] = []
  let stacks = 0

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') {
      return
    }
    const cut = line.lastIndexOf(' ')
    if (cut <= 0) {
      skipped.push({ lineNumber: i + 1, text: raw, reason: 'no weight after the stack' })
      return
    }
    const weightText = line.slice(cut + 1)
    if (!/^\d+$/.test(weightText)) {
      skipped.push({ lineNumber: i + 1, text: raw, reason: `weight '${weightText}' is not a whole number` })
      return
    }
    const frames = line
      .slice(0, cut)
      .trim()
      .split(';')
      .map(f => f.trim())
    if (frames.some(f => f === '')) {
      skipped.push({ lineNumber: i + 1, text: raw, reason: 'empty frame name' })
      return
    }
    const weight = Number(weightText)
    stacks++
    let node = root
    root.total += weight
    for (const frame of frames) {
      node = child(node, frame, index)
      node.total += weight
    }
    node.self += weight
  })
  sortHeaviestFirst(root)
  return { root, stacks, skipped }
}

function child(parent: FlameNode, name: string, index: Map<FlameNode, Map<string, FlameNode>>): FlameNode {
  let byName = index.get(parent)
  if (!byName) {
    byName = new Map()
    index.set(parent, byName)
  }
  let node = byName.get(name)
  if (!node) {
    node = { name, total: 0, self: 0, children: [] }
    byName.set(name, node)
    parent.children.push(node)
  }
  return node
}

function sortHeaviestFirst(node: FlameNode): void {
  node.children.sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  node.children.forEach(sortHeaviestFirst)
}

/** One box of the flame graph; `x` and `width` are fractions of the full width, depth 0 is the root. */
export type FlameRect = {
  readonly node: FlameNode
  readonly depth: number
  readonly x: number
  readonly width: number
  /** Frame names from below the root to this node: identifies the node for zooming. */
  readonly path: readonly string[]
  /** Whether the box is an ancestor of the zoomed frame (drawn full width, dimmed). */
  readonly ancestor: boolean
}

/**
 * Lays out the tree. With a `focus` path the focused frame spans the full width and its ancestors are
 * drawn above it at full width; an unknown path falls back to the whole tree. Boxes narrower than
 * `minWidth` (a fraction) are left out together with their children, which keeps huge trees cheap to draw.
 */
export function layoutFlame(root: FlameNode, focus: readonly string[] = [], minWidth = 0): FlameRect[] {
  const chain = resolvePath(root, focus)
  const focused = chain[chain.length - 1] as FlameNode
  const rects: FlameRect[] = []
  chain.slice(0, -1).forEach((node, depth) => {
    rects.push({ node, depth, x: 0, width: 1, path: focus.slice(0, depth), ancestor: true })
  })
  const focusPath = focus.slice(0, chain.length - 1)
  if (focused.total > 0) {
    place(focused, chain.length - 1, 0, 1, focusPath, focused.total, minWidth, rects)
  }
  return rects
}

function place(
  node: FlameNode,
  depth: number,
  x: number,
  width: number,
  path: readonly string[],
  scaleTotal: number,
  minWidth: number,
  out: FlameRect[],
): void {
  out.push({ node, depth, x, width, path, ancestor: false })
  let childX = x
  for (const c of node.children) {
    const w = c.total / scaleTotal
    if (w >= minWidth && w > 0) {
      place(c, depth + 1, childX, w, [...path, c.name], scaleTotal, minWidth, out)
    }
    childX += w
  }
}

/** The nodes from the root along `path`, stopping at the first name that does not exist. */
function resolvePath(root: FlameNode, path: readonly string[]): FlameNode[] {
  const chain = [root]
  let node = root
  for (const name of path) {
    const next = node.children.find(c => c.name === name)
    if (!next) {
      return [root]
    }
    chain.push(next)
    node = next
  }
  return chain
}

/** Depth of the deepest box, for sizing the drawing. */
export function maxDepth(rects: readonly FlameRect[]): number {
  return rects.reduce((deepest, r) => Math.max(deepest, r.depth), 0)
}
