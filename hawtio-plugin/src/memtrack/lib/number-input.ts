/**
 * Checks numbers typed into the pages' forms against the range the MBean accepts, so the user reads what is
 * wrong next to the field before anything is sent. Messages name the field, quote the text and give the range.
 */

export type NumberCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string }

export type WholeNumberRule = { readonly label: string; readonly min: number; readonly max: number }

/** A whole number (digits only, optional surrounding blanks) within [min, max]. */
export function parseWholeNumber(text: string, rule: WholeNumberRule): NumberCheck {
  const trimmed = text.trim()
  const range = `from ${rule.min.toLocaleString('en-US')} to ${rule.max.toLocaleString('en-US')}`
  if (!/^-?\d+$/.test(trimmed)) {
    return { ok: false, error: `${rule.label} must be a whole number ${range}; '${text}' is not.` }
  }
  const value = Number(trimmed)
  if (!Number.isSafeInteger(value) || value < rule.min || value > rule.max) {
    return { ok: false, error: `${rule.label} must be ${range}; got ${trimmed}.` }
  }
  return { ok: true, value }
}

/** `parseWholeNumber` with its rule bound, for a field that checks its text on every change. */
export function wholeNumberParser(rule: WholeNumberRule): (text: string) => NumberCheck {
  return text => parseWholeNumber(text, rule)
}

/** A finite decimal number such as 85, 0.5 or 1e6 (thresholds are in the unit of their metric). */
export function parseDecimal(text: string, label: string): NumberCheck {
  const trimmed = text.trim()
  const value = trimmed === '' ? NaN : Number(trimmed)
  if (!Number.isFinite(value)) {
    return { ok: false, error: `${label} must be a number such as 85 or 0.5; '${text}' is not.` }
  }
  return { ok: true, value }
}

/** What a number field's text means now: the value to send, or why there is none (null while blank). */
export type FieldReading = { readonly value: number | null; readonly error: string | null }

/**
 * Reads a field's text with `parse`. An optional field stands for a setting that already has a value: blank
 * means "leave it as it is" (no value, no error); a required field reports blank text like any bad text.
 */
export function readNumberField(text: string, parse: (text: string) => NumberCheck, optional: boolean): FieldReading {
  if (optional && text.trim() === '') {
    return { value: null, error: null }
  }
  const check = parse(text)
  return check.ok ? { value: check.value, error: null } : { value: null, error: check.error }
}
