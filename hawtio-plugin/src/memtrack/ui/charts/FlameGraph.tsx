import { Button } from '@patternfly/react-core'
import React, { useMemo, useState } from 'react'
import { ParsedStacks, layoutFlame, maxDepth } from '../../lib/folded-stacks'
import { flameColor } from '../palette'

type Props = {
  readonly stacks: ParsedStacks
  /** Formats a frame's weight (bytes for allocation stacks). */
  readonly format: (value: number) => string
}

const WIDTH = 1000
const ROW = 20
/** Boxes narrower than this many pixels of the 1000-wide drawing are left out. */
const MIN_PIXELS = 0.5
const CHARACTER = 6.5

/**
 * A flame graph: the outermost frame at the bottom, callees stacked above, widths proportional to weight.
 * Clicking a frame zooms into it; the frames below it stay as a path back.
 */
export const FlameGraph: React.FunctionComponent<Props> = ({ stacks, format }) => {
  const [focus, setFocus] = useState<readonly string[]>([])
  const rects = useMemo(() => layoutFlame(stacks.root, focus, MIN_PIXELS / WIDTH), [stacks, focus])
  const depth = maxDepth(rects)
  const height = (depth + 1) * ROW
  const total = stacks.root.total

  if (total === 0) {
    return <p className='memtrack-muted'>No sampled allocation stacks yet.</p>
  }
  return (
    <div className='memtrack-flame' data-testid='flame-graph'>
      <div className='memtrack-flame-toolbar'>
        <span className='memtrack-muted'>
          {stacks.stacks} stacks, {format(total)} in all. Click a frame to zoom.
        </span>
        {focus.length > 0 && (
          <Button variant='link' isInline onClick={() => setFocus([])}>
            Reset zoom
          </Button>
        )}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width='100%' role='img' aria-label='Flame graph of allocation stacks'>
        {rects.map(r => {
          const x = r.x * WIDTH
          const w = r.width * WIDTH
          const y = height - (r.depth + 1) * ROW
          const share = ((r.node.total / total) * 100).toFixed(1)
          const label = fit(r.node.name, w)
          return (
            <g
              key={[...r.path, r.node.name, r.depth].join('\u0000')}
              className='memtrack-flame-frame'
              onClick={() => setFocus(r.depth === 0 ? [] : r.path)}
              opacity={r.ancestor ? 0.55 : 1}
            >
              <rect
                x={x}
                y={y}
                width={Math.max(w - 0.5, 0.5)}
                height={ROW - 1}
                fill={r.depth === 0 ? '#b8bbbe' : flameColor(r.node.name)}
              />
              {label && (
                <text x={x + 3} y={y + ROW - 6} className='memtrack-flame-label'>
                  {label}
                </text>
              )}
              <title>{`${r.node.name}\n${format(r.node.total)} (${share} % of all), ${format(r.node.self)} in this frame`}</title>
            </g>
          )
        })}
      </svg>
      {stacks.skipped.length > 0 && (
        <p className='memtrack-muted'>
          {stacks.skipped.length} line(s) of the folded stacks could not be read, e.g. line {stacks.skipped[0]?.lineNumber}:{' '}
          {stacks.skipped[0]?.reason}.
        </p>
      )}
    </div>
  )
}

/** The frame name shortened to fit `width` pixels, or null when not even a few characters fit. */
function fit(name: string, width: number): string | null {
  const characters = Math.floor((width - 6) / CHARACTER)
  if (characters < 3) {
    return null
  }
  return name.length <= characters ? name : name.slice(0, characters - 1) + '…'
}
