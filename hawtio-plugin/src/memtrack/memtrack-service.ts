import { jolokiaService } from '@hawtio/react'
import { Operation } from './contract'
import { encodeArguments } from './lib/jolokia-arguments'
import { JolokiaError, describeError, describeTransportError, isMissingMBean } from './lib/jolokia-errors'

/**
 * memtrack's calls to the connected JVM, through the console's Jolokia client (and so through the console's
 * proxy and its authentication). Every call is one HTTP request: a page's whole poll is a single bulk read.
 * Errors come back as sentences for the user (see jolokia-errors), never as exceptions with stack traces.
 */

/** The attributes of one MBean a page reads on each poll. */
export type MBeanRead = { readonly mbean: string; readonly attributes: readonly string[] }

/** The outcome of one MBean's read: its attribute values, or that it is absent, or why it failed. */
export type MBeanValues =
  | { readonly kind: 'values'; readonly values: Readonly<Record<string, unknown>> }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string }

type Response = {
  value?: unknown
  error?: string
  error_type?: string
  status?: number
}

function isErrorResponse(response: Response): boolean {
  return typeof response.error === 'string' || typeof response.error_type === 'string'
}

/**
 * Reads several MBeans in one bulk request. An attribute whose getter fails is left out of `values` (the
 * page shows it as unknown) instead of failing the whole MBean. A transport failure (JVM gone, proxy
 * refused) rejects with a message.
 */
export async function readAll<K extends string>(reads: Readonly<Record<K, MBeanRead>>): Promise<Record<K, MBeanValues>> {
  const keys = Object.keys(reads) as K[]
  const requests = keys.map(key => ({
    type: 'read' as const,
    mbean: reads[key].mbean,
    attribute: [...reads[key].attributes],
    config: { ignoreErrors: true },
  }))
  let responses: Response[]
  try {
    responses = (await jolokiaService.bulkRequest(requests)) as Response[]
  } catch (cause) {
    throw new Error(describeTransportError(cause, 'Refreshing the page'))
  }
  const result = {} as Record<K, MBeanValues>
  keys.forEach((key, i) => {
    result[key] = toValues(responses[i], reads[key])
  })
  return result
}

function toValues(response: Response | undefined, read: MBeanRead): MBeanValues {
  if (!response) {
    return { kind: 'error', message: `Reading ${read.mbean} failed: the JVM gave no answer.` }
  }
  if (isErrorResponse(response)) {
    const error = response as JolokiaError
    return isMissingMBean(error) ? { kind: 'missing' } : { kind: 'error', message: describeError(error, `Reading ${read.mbean}`) }
  }
  // Attributes are always requested as a list, so the value is an object keyed by attribute name.
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries((response.value ?? {}) as Record<string, unknown>)) {
    const failed = typeof value === 'object' && value !== null && 'error_type' in value && 'error' in value
    if (!failed) {
      values[name] = value
    }
  }
  return { kind: 'values', values }
}

/**
 * Invokes an operation with its full signature. Rejects with a sentence: `what` names the action for the
 * user ("Compare algorithms"), followed by the JVM's own message.
 */
export async function execute(mbean: string, operation: Operation, args: readonly unknown[], what: string): Promise<unknown> {
  return single({ type: 'exec', mbean, operation: operation.signature, arguments: encodeArguments(operation.signature, args) }, what)
}

/** Writes one attribute; rejects with a sentence like `execute`. */
export async function writeAttribute(mbean: string, attribute: string, value: unknown, what: string): Promise<void> {
  await single({ type: 'write', mbean, attribute, value }, what)
}

async function single(
  request:
    | { type: 'exec'; mbean: string; operation: string; arguments: unknown[] }
    | { type: 'write'; mbean: string; attribute: string; value: unknown },
  what: string,
): Promise<unknown> {
  let responses: Response[]
  try {
    responses = (await jolokiaService.bulkRequest([request])) as Response[]
  } catch (cause) {
    throw new Error(describeTransportError(cause, what))
  }
  const response = responses[0]
  if (!response) {
    throw new Error(`${what} failed: the JVM gave no answer.`)
  }
  if (isErrorResponse(response)) {
    throw new Error(describeError(response as JolokiaError, what))
  }
  return response.value
}

/** The message of a rejection from this module (or any other error) for display. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The console's update rate (Preferences → Jolokia), which the pages poll at. */
export function updateRateMillis(): number {
  const rate = jolokiaService.loadUpdateRate()
  return Number.isFinite(rate) && rate > 0 ? rate : 5000
}
