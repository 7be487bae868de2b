/**
 * Client-side check of a paging reference string before it is sent to PagingSimulatorMXBean, so a typo is
 * explained next to the input rather than as a server error. The rules are the MBean's: page numbers
 * separated by commas or spaces, each optionally prefixed with its process as `P:page`.
 */

export type PageReference = { readonly process?: string; readonly page: number }

export type ReferenceCheck =
  | { readonly ok: true; readonly references: readonly PageReference[]; readonly hasProcesses: boolean }
  | { readonly ok: false; readonly error: string }

/** Largest page number the MBean's `int` parameters can carry. */
const MAX_PAGE = 2_147_483_647

const FORMAT_HINT = 'write pages as 7,0,1,2 or with a process as A:1,B:1'

export function parseReferenceString(text: string, maxReferences: number): ReferenceCheck {
  const tokens = text.split(/[\s,]+/).filter(t => t !== '')
  if (tokens.length === 0) {
    return { ok: false, error: `Enter at least one page reference (${FORMAT_HINT}).` }
  }
  if (tokens.length > maxReferences) {
    return {
      ok: false,
      error: `The reference string has ${tokens.length.toLocaleString('en-US')} references; at most ${maxReferences.toLocaleString('en-US')} are accepted.`,
    }
  }
  const references: PageReference[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    const parsed = parseReference(token)
    if (typeof parsed === 'string') {
      return { ok: false, error: `Reference ${i + 1} ('${token}') ${parsed}: ${FORMAT_HINT}.` }
    }
    references.push(parsed)
  }
  return { ok: true, references, hasProcesses: references.some(r => r.process !== undefined) }
}

function parseReference(token: string): PageReference | string {
  const colon = token.indexOf(':')
  const process = colon >= 0 ? token.slice(0, colon) : undefined
  const pageText = colon >= 0 ? token.slice(colon + 1) : token
  if (process !== undefined && !/^[A-Za-z0-9_.-]+$/.test(process)) {
    return 'has no valid process name before the colon'
  }
  if (!/^\d+$/.test(pageText)) {
    return 'is not a page number'
  }
  const page = Number(pageText)
  if (page > MAX_PAGE) {
    return `is larger than the largest page number ${MAX_PAGE}`
  }
  return process === undefined ? { page } : { process, page }
}

/** The canonical text the MBean receives: references joined by commas. */
export function formatReferences(references: readonly PageReference[]): string {
  return references.map(r => (r.process === undefined ? String(r.page) : `${r.process}:${r.page}`)).join(',')
}
