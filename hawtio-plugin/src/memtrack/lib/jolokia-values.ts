/**
 * Reading values as Jolokia writes them. A TabularData with one index column arrives as an object keyed by
 * that column ({"1": {rank: 1, …}, "2": …}); with several index columns as objects nested one level per
 * column; an MXBean Map<String, Double> as a plain object; a double NaN as null.
 */

type Json = unknown

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A row is an object whose values are all scalars (the contract's rows hold no nested values). */
function isRow(value: Json): value is Record<string, Json> {
  if (!isObject(value)) {
    return false
  }
  const values = Object.values(value)
  return values.length > 0 && values.every(v => v === null || typeof v !== 'object')
}

/**
 * The rows of a TabularData, in document order; also accepts an array of rows. Anything else (null, a
 * scalar, an error object) gives no rows rather than an exception.
 */
export function tableRows<T>(value: Json): T[] {
  const rows: T[] = []
  const collect = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(collect)
    } else if (isRow(node)) {
      rows.push(node as T)
    } else if (isObject(node)) {
      Object.values(node).forEach(collect)
    }
  }
  if (isRow(value)) {
    // A single row where a table was expected would be a contract change; do not guess.
    return []
  }
  collect(value)
  return rows
}

/** A double as Jolokia wrote it: numbers as they are, "NaN"/null/anything else as NaN. */
export function toNumber(value: Json): number {
  if (typeof value === 'number') {
    return value
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value)
    return Number.isNaN(parsed) ? NaN : parsed
  }
  return NaN
}

/** An MXBean Map<String, Double>: a plain object, or (other serializers) a table of key/value rows. */
export function numberMap(value: Json): Record<string, number> {
  const result: Record<string, number> = {}
  if (!isObject(value)) {
    return result
  }
  const keyValueRows = tableRows<{ key?: Json; value?: Json }>(value).filter(r => 'key' in r && 'value' in r)
  if (keyValueRows.length > 0) {
    keyValueRows.forEach(r => (result[String(r.key)] = toNumber(r.value)))
    return result
  }
  for (const [key, v] of Object.entries(value)) {
    result[key] = toNumber(v)
  }
  return result
}

/** A String[] attribute; anything else is an empty list. */
export function stringList(value: Json): string[] {
  return Array.isArray(value) ? value.map(v => String(v)) : []
}
