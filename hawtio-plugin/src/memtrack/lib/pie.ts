/** Slices of a donut chart as angles and SVG paths. */

export type Slice = { readonly value: number; readonly start: number; readonly end: number; readonly share: number }

/**
 * Angles (radians, clockwise from 12 o'clock) of each value's slice. Negative and non-finite values count
 * as zero; when everything is zero every slice is empty.
 */
export function pieSlices(values: readonly number[]): Slice[] {
  const clean = values.map(v => (Number.isFinite(v) && v > 0 ? v : 0))
  const total = clean.reduce((a, b) => a + b, 0)
  let angle = 0
  return clean.map(value => {
    const share = total > 0 ? value / total : 0
    const start = angle
    angle += share * 2 * Math.PI
    return { value, start, end: angle, share }
  })
}

/** SVG path of a donut slice centred at (cx, cy); a full circle is drawn as two halves. */
export function arcPath(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  if (end - start <= 0) {
    return ''
  }
  if (end - start >= 2 * Math.PI - 1e-9) {
    const middle = start + Math.PI
    return arcPath(cx, cy, outer, inner, start, middle) + arcPath(cx, cy, outer, inner, middle, end)
  }
  const point = (r: number, a: number) => `${(cx + r * Math.sin(a)).toFixed(2)},${(cy - r * Math.cos(a)).toFixed(2)}`
  const large = end - start > Math.PI ? 1 : 0
  return (
    `M${point(outer, start)}A${outer},${outer} 0 ${large} 1 ${point(outer, end)}` +
    `L${point(inner, end)}A${inner},${inner} 0 ${large} 0 ${point(inner, start)}Z`
  )
}
