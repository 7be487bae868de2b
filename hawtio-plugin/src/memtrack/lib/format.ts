/**
 * Text for the numbers the pages show. The contract reports values a source does not know as -1 (or NaN);
 * those print as "n/a" rather than as a misleading number.
 */

export const NOT_AVAILABLE = 'n/a'

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** Whether the contract marks the value as unknown: null, NaN, infinite, or negative (-1 means unknown). */
export function isUnknown(value: number | null | undefined): boolean {
  return value === null || value === undefined || !Number.isFinite(value) || value < 0
}

/** Bytes in binary units with three significant digits: 0 B, 512 B, 1.50 KiB, 12.3 MiB, 100 GiB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (isUnknown(bytes)) {
    return NOT_AVAILABLE
  }
  let value = bytes as number
  let unit = 0
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  if (unit === 0) {
    return `${Math.round(value)} B`
  }
  return `${threeSignificant(value)} ${BINARY_UNITS[unit]}`
}

export function formatBytesPerSecond(bytesPerSecond: number | null | undefined): string {
  const text = formatBytes(bytesPerSecond)
  return text === NOT_AVAILABLE ? text : `${text}/s`
}

/** A percentage already on the 0-100 scale: 42.5 → "42.5 %". */
export function formatPercent(percent: number | null | undefined, fractionDigits = 1): string {
  if (isUnknown(percent)) {
    return NOT_AVAILABLE
  }
  return `${(percent as number).toFixed(fractionDigits)} %`
}

/** A ratio between 0 and 1 as a percentage: 0.425 → "42.5 %". */
export function formatRatio(ratio: number | null | undefined, fractionDigits = 1): string {
  if (isUnknown(ratio)) {
    return NOT_AVAILABLE
  }
  return formatPercent((ratio as number) * 100, fractionDigits)
}

/** A count with thousands separators: 1234567 → "1,234,567". */
export function formatCount(count: number | null | undefined): string {
  if (isUnknown(count)) {
    return NOT_AVAILABLE
  }
  return Math.round(count as number).toLocaleString('en-US')
}

/** A duration, with the two largest units: 850 ms, 12.5 s, 5 min 12 s, 3 h 4 min, 2 d 5 h. */
export function formatDuration(millis: number | null | undefined): string {
  if (isUnknown(millis)) {
    return NOT_AVAILABLE
  }
  const ms = millis as number
  if (ms < 1000) {
    return `${Math.round(ms)} ms`
  }
  if (ms < 60_000) {
    return `${threeSignificant(ms / 1000)} s`
  }
  const totalSeconds = Math.floor(ms / 1000)
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (days > 0) {
    return `${days} d ${hours} h`
  }
  if (hours > 0) {
    return `${hours} h ${minutes} min`
  }
  return `${minutes} min ${seconds} s`
}

/** Wall-clock time of an epoch-millisecond timestamp, HH:MM:SS in the browser's zone. */
export function formatClock(epochMillis: number | null | undefined): string {
  if (isUnknown(epochMillis)) {
    return NOT_AVAILABLE
  }
  const d = new Date(epochMillis as number)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}

function threeSignificant(value: number): string {
  if (value >= 100) {
    return value.toFixed(0)
  }
  if (value >= 10) {
    return value.toFixed(1)
  }
  return value.toFixed(2)
}
