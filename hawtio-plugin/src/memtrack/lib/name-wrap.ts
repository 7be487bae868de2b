/**
 * Where a long Java name may wrap in a narrow table column. Allocation sites such as
 * `dev.memtrack.simulator.demo.BatchJobTask.run(BatchJobTask.java:19)` have no spaces, so a browser keeps them on
 * one line and widens the table past its panel; breaking between the parts keeps each line readable.
 */

/** Separators of packages, nested classes, paths and lists: a name may wrap after them. */
const SEPARATORS = new Set(['.', '$', '/', ','])

/**
 * The name cut after each '.', '$', '/' and ',', and before a parenthesised part, which stays whole: a site's
 * source position `(BatchJobTask.java:19)` is one piece. The pieces joined give the name back; an empty name
 * has none.
 */
export function wrapPieces(name: string): string[] {
  const pieces: string[] = []
  let piece = ''
  let depth = 0
  const cut = () => {
    if (piece !== '') {
      pieces.push(piece)
      piece = ''
    }
  }
  for (const char of name) {
    if (char === '(') {
      if (depth === 0) {
        cut()
      }
      depth++
    } else if (char === ')' && depth > 0) {
      depth--
    }
    piece += char
    if (depth === 0 && SEPARATORS.has(char)) {
      cut()
    }
  }
  cut()
  return pieces
}
