/** Reading a faults-versus-frames curve of the paging simulator. */

export type CurvePoint = { readonly frames: number; readonly faults: number }

/**
 * Frame counts at which the algorithm faults more than with one frame less: Belady's anomaly (FIFO shows
 * it on some reference strings; stack algorithms such as LRU and OPT never do).
 */
export function beladyAnomalies(points: readonly CurvePoint[]): number[] {
  const sorted = [...points].sort((a, b) => a.frames - b.frames)
  const anomalies: number[] = []
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as CurvePoint
    const current = sorted[i] as CurvePoint
    if (current.frames === previous.frames + 1 && current.faults > previous.faults) {
      anomalies.push(current.frames)
    }
  }
  return anomalies
}
