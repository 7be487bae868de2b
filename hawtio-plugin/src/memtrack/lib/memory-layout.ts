/**
 * The simulated memory of the segmentation simulator as consecutive blocks (segments and holes) for the
 * memory bar. Positions are fractions of the memory size.
 */

export type SegmentBlock = {
  readonly kind: 'segment'
  readonly name: string
  readonly process: string
  readonly base: number
  readonly length: number
}
export type HoleBlock = { readonly kind: 'hole'; readonly base: number; readonly length: number }
export type Block = (SegmentBlock | HoleBlock) & { readonly x: number; readonly width: number }

/**
 * Merges segments and holes into address order. Space covered by neither (which a consistent simulator
 * never reports) is shown as a hole, so the bar always spans the whole memory and never hides a gap.
 */
export function memoryBlocks(
  memorySize: number,
  segments: readonly { name: string; process: string; base: number; limit: number }[],
  holes: readonly { base: number; length: number }[],
): Block[] {
  if (!(memorySize > 0)) {
    return []
  }
  const raw: (SegmentBlock | HoleBlock)[] = [
    ...segments.map(s => ({ kind: 'segment' as const, name: s.name, process: s.process, base: s.base, length: s.limit })),
    ...holes.map(h => ({ kind: 'hole' as const, base: h.base, length: h.length })),
  ].sort((a, b) => a.base - b.base)

  const blocks: (SegmentBlock | HoleBlock)[] = []
  let at = 0
  for (const block of raw) {
    if (block.base > at) {
      blocks.push({ kind: 'hole', base: at, length: block.base - at })
    }
    blocks.push(block)
    at = Math.max(at, block.base + block.length)
  }
  if (at < memorySize) {
    blocks.push({ kind: 'hole', base: at, length: memorySize - at })
  }
  return mergeAdjacentHoles(blocks).map(b => ({ ...b, x: b.base / memorySize, width: b.length / memorySize }))
}

function mergeAdjacentHoles(blocks: (SegmentBlock | HoleBlock)[]): (SegmentBlock | HoleBlock)[] {
  const merged: (SegmentBlock | HoleBlock)[] = []
  for (const block of blocks) {
    const last = merged[merged.length - 1]
    if (block.kind === 'hole' && last?.kind === 'hole' && last.base + last.length === block.base) {
      merged[merged.length - 1] = { kind: 'hole', base: last.base, length: last.length + block.length }
    } else {
      merged.push(block)
    }
  }
  return merged
}
