/** Scales and axis ticks for the small SVG charts. */

export type Domain = readonly [number, number]

/** Maps a value of `domain` linearly onto `range`; a zero-width domain maps everything to the range start. */
export function linearScale(domain: Domain, range: Domain): (value: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0
  if (span === 0) {
    return () => r0
  }
  return value => r0 + ((value - d0) / span) * (r1 - r0)
}

/**
 * "Nice" tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten, about `count` of them,
 * starting at a multiple of the step at or below min and ending at or above max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return []
  }
  if (min === max) {
    return [min]
  }
  const lo = Math.min(min, max)
  const hi = Math.max(min, max)
  const step = niceStep((hi - lo) / Math.max(1, count))
  const first = Math.floor(lo / step) * step
  const ticks: number[] = []
  for (let v = first; v <= hi + step * 1e-9; v += step) {
    ticks.push(roundToStep(v, step))
  }
  if ((ticks[ticks.length - 1] as number) < hi) {
    ticks.push(roundToStep(first + ticks.length * step, step))
  }
  return ticks
}

function niceStep(rough: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(rough)))
  const fraction = rough / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

/** Removes floating-point noise such as 0.30000000000000004. */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  return Number(value.toFixed(decimals))
}

export type AxisOptions = {
  /** A value the axis always reaches, e.g. 100 for percentages. */
  readonly max?: number
  readonly count?: number
  /** Bytes: ticks at nice multiples of KiB, MiB, GiB… rather than of powers of ten. */
  readonly binary?: boolean
}

/**
 * The value axis of a chart: from 0 (values are sizes, rates and percentages) or the data minimum when
 * negative, up to the data maximum or the given ceiling, then widened to the nice ticks.
 */
export function valueAxis(
  range: { min: number; max: number } | null,
  options: AxisOptions = {},
): {
  domain: Domain
  ticks: number[]
} {
  const low = Math.min(0, range?.min ?? 0)
  let high = Math.max(range?.max ?? 0, options.max ?? 0)
  if (high <= low) {
    high = low + 1
  }
  const unit = options.binary ? binaryUnit(Math.max(Math.abs(low), Math.abs(high))) : 1
  const ticks = niceTicks(low / unit, high / unit, options.count ?? 4).map(t => t * unit)
  return { domain: [ticks[0] ?? low, ticks[ticks.length - 1] ?? high], ticks }
}

/** The largest power of 1024 not above `value` (1 for values below 1024). */
export function binaryUnit(value: number): number {
  let unit = 1
  while (value >= unit * 1024) {
    unit *= 1024
  }
  return unit
}

/** An SVG path through the points, with gaps where consecutive points are more than `maxGap` apart. */
export function linePath(points: readonly { x: number; y: number }[], maxGap = Infinity): string {
  let path = ''
  let previousX: number | null = null
  for (const p of points) {
    const move = previousX === null || p.x - previousX > maxGap
    path += `${move ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`
    previousX = p.x
  }
  return path
}
