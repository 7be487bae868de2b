/**
 * Operation arguments as Jolokia 2.6 accepts them. Its converter refuses a JSON integer for a `double`
 * parameter (setThreshold(rule, 85) is answered with HTTP 400) while it reads the text "85" fine, so
 * floating-point arguments travel as text. Everything else goes as it is.
 */

const FLOATING = new Set(['double', 'float', 'java.lang.Double', 'java.lang.Float'])

/** The parameter types of an operation signature such as `setThreshold(java.lang.String,double)`. */
export function parameterTypes(signature: string): string[] {
  const open = signature.indexOf('(')
  const close = signature.lastIndexOf(')')
  if (open < 0 || close < open) {
    throw new Error(`Not an operation signature: '${signature}'`)
  }
  const inside = signature.slice(open + 1, close).trim()
  return inside === '' ? [] : inside.split(',').map(t => t.trim())
}

/** The arguments to send for `signature`; the count must match the signature. */
export function encodeArguments(signature: string, args: readonly unknown[]): unknown[] {
  const types = parameterTypes(signature)
  if (types.length !== args.length) {
    throw new Error(`${signature} takes ${types.length} argument(s), not ${args.length}`)
  }
  return args.map((arg, i) => (FLOATING.has(types[i] as string) && typeof arg === 'number' ? String(arg) : arg))
}
