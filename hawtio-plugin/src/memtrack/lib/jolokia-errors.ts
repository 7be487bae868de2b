/**
 * Turns what went wrong in a Jolokia call into a sentence for the user: the JVM's own message, without
 * exception class names or stack traces.
 */

export type JolokiaError = {
  status?: number
  error_type?: string
  error?: string
  stacktrace?: string
}

/** The MBean does not exist in the connected JVM (e.g. allocation tracking not installed). */
export function isMissingMBean(error: JolokiaError): boolean {
  return error.status === 404 || (error.error_type ?? '').endsWith('InstanceNotFoundException')
}

/**
 * A readable message: Jolokia's `error` text with any leading "some.Exception : " prefixes and stack trace
 * lines removed. Conversion failures of arguments get a hint; an empty message falls back to the kind of
 * failure.
 */
export function describeError(error: JolokiaError, what: string): string {
  if (isMissingMBean(error)) {
    return `${what}: this JVM has no such MBean (${firstLine(error.error) || 'not registered'}).`
  }
  let message = firstLine(error.error)
  // "java.lang.IllegalArgumentException : msg" and nested "a.B: c.D: msg" forms.
  for (;;) {
    const match = /^\s*[a-z_$][\w$]*(\.[\w$]+)+(Exception|Error)\s*:\s*(.*)$/.exec(message)
    if (!match) {
      break
    }
    message = match[3] ?? ''
  }
  message = message.trim()
  if (message === '') {
    const kind = (error.error_type ?? '').split('.').pop() || 'an error'
    message = `the JVM reported ${kind} without a message`
  }
  if ((error.error_type ?? '').endsWith('InvalidObjectException') || /Cannot convert/i.test(message)) {
    message += ' (the value is not one the attribute accepts)'
  }
  return `${what} failed: ${message}`
}

/** A failure of the HTTP call itself (no Jolokia answer): connection refused, 403 from the proxy, … */
export function describeTransportError(cause: unknown, what: string): string {
  const text = typeof cause === 'string' ? cause : cause instanceof Error ? cause.message : ''
  const status = /^\s*(\d{3})\b[:\s]*(.*)$/.exec(firstLine(text))
  if (status) {
    // Jolokia answers HTTP 400 when it cannot read a request, e.g. an argument of the wrong type.
    const [, code, rest] = status
    const meaning = code === '400' ? 'the JVM could not read the request' : 'the console could not reach the JVM'
    return `${what} failed: ${meaning} (HTTP ${code}${rest ? ` ${rest}` : ''}).`
  }
  if (typeof cause === 'string' && cause.trim() !== '') {
    return `${what} failed: ${firstLine(cause)}`
  }
  if (cause instanceof Error && cause.message) {
    return `${what} failed: ${firstLine(cause.message)}`
  }
  if (typeof cause === 'object' && cause !== null) {
    const response = cause as { status?: number; statusText?: string }
    if (typeof response.status === 'number') {
      return `${what} failed: the console could not reach the JVM (HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}).`
    }
  }
  return `${what} failed: the console could not reach the JVM.`
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0]?.trim() ?? ''
}
