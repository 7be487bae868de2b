/** Colours of the charts: PatternFly's chart palette, so memtrack looks like the rest of the console. */
export const colors = {
  blue: '#0066cc',
  lightBlue: '#73bcf7',
  green: '#4cb140',
  orange: '#ec7a08',
  purple: '#5752d1',
  cyan: '#009596',
  gold: '#f0ab00',
  red: '#c9190b',
  grey: '#8a8d90',
  lightGrey: '#d2d2d2',
} as const

const categorical = [colors.blue, colors.green, colors.orange, colors.purple, colors.cyan, colors.gold, colors.lightBlue, colors.red]

/** A stable colour for a name (a process, a frame), the same on every poll. */
export function colorFor(name: string): string {
  let hash = 0
  for (let i = 0; i < name.length; i++) {
    hash = (hash * 31 + name.charCodeAt(i)) | 0
  }
  return categorical[Math.abs(hash) % categorical.length] as string
}

/** Warm flame-graph colours, varied by name so neighbouring frames differ. */
export function flameColor(name: string): string {
  let hash = 7
  for (let i = 0; i < name.length; i++) {
    hash = (hash * 33 + name.charCodeAt(i)) | 0
  }
  const h = Math.abs(hash)
  return `hsl(${10 + (h % 40)}, ${70 + (h % 20)}%, ${55 + ((h >> 5) % 15)}%)`
}
