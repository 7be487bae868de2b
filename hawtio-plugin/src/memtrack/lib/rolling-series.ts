/**
 * Time series over a rolling window, for the live charts. Values are immutable arrays so React sees a new
 * object on every append.
 */

export type Sample = { readonly t: number; readonly v: number }

export type Series = readonly Sample[]

export type Window = {
  /** Samples older than the newest sample minus this are dropped. */
  readonly millis: number
  /** Hard cap on samples kept, whatever the window (protects against a very short update rate). */
  readonly maxSamples: number
}

export const FIVE_MINUTES: Window = { millis: 5 * 60_000, maxSamples: 600 }

/**
 * Appends a sample and drops what fell out of the window. Non-finite values (a NaN the JVM reported, an
 * unknown -1 is left to the caller) are not appended. A sample older than the newest one (a clock going
 * back, a late response) is ignored, so the series stays ordered by time.
 */
export function append(series: Series, sample: Sample, window: Window = FIVE_MINUTES): Series {
  if (!Number.isFinite(sample.v) || !Number.isFinite(sample.t)) {
    return series
  }
  const newest = series[series.length - 1]
  if (newest !== undefined && sample.t < newest.t) {
    return series
  }
  const oldestKept = sample.t - window.millis
  let first = 0
  while (first < series.length && (series[first] as Sample).t < oldestKept) {
    first++
  }
  const kept = series.slice(Math.max(first, series.length + 1 - window.maxSamples))
  kept.push(sample)
  return kept
}

/** Several named series appended together at one time stamp. */
export type SeriesSet<K extends string> = Readonly<Record<K, Series>>

export function emptySet<K extends string>(keys: readonly K[]): SeriesSet<K> {
  return Object.fromEntries(keys.map(k => [k, []])) as unknown as SeriesSet<K>
}

export function appendAll<K extends string>(
  set: SeriesSet<K>,
  t: number,
  values: Partial<Record<K, number>>,
  window: Window = FIVE_MINUTES,
): SeriesSet<K> {
  const next = { ...set } as Record<K, Series>
  for (const key of Object.keys(values) as K[]) {
    const v = values[key]
    if (v !== undefined) {
      next[key] = append(set[key] ?? [], { t, v }, window)
    }
  }
  return next
}

/** The value range over several series, or null when they hold no samples. */
export function valueRange(series: readonly Series[]): { min: number; max: number } | null {
  let min = Infinity
  let max = -Infinity
  for (const s of series) {
    for (const sample of s) {
      min = Math.min(min, sample.v)
      max = Math.max(max, sample.v)
    }
  }
  return min === Infinity ? null : { min, max }
}

/** The newest value of a series, or undefined when it is empty. */
export function latest(series: Series): number | undefined {
  return series[series.length - 1]?.v
}
