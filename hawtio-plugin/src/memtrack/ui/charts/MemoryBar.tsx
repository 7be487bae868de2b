import React from 'react'
import { Block } from '../../lib/memory-layout'
import { colorFor, colors } from '../palette'

type Props = {
  readonly blocks: readonly Block[]
  readonly format: (value: number) => string
  readonly selected: string | null
  readonly onSelect: (segment: string) => void
}

const WIDTH = 1000
const HEIGHT = 56

/** The simulated memory as one bar: segments coloured by process, holes hatched; click a segment to select it. */
export const MemoryBar: React.FunctionComponent<Props> = ({ blocks, format, selected, onSelect }) => (
  <div className='memtrack-memory-bar' data-testid='memory-bar'>
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width='100%' role='img' aria-label='Simulated memory: segments and holes'>
      <defs>
        <pattern id='memtrack-hole' width={8} height={8} patternUnits='userSpaceOnUse' patternTransform='rotate(45)'>
          <rect width={8} height={8} fill='#f5f5f5' />
          <line x1={0} y1={0} x2={0} y2={8} stroke={colors.lightGrey} strokeWidth={3} />
        </pattern>
      </defs>
      {blocks.map(block => {
        const x = block.x * WIDTH
        const w = Math.max(block.width * WIDTH, 1)
        const isSegment = block.kind === 'segment'
        const label = isSegment ? block.name : 'hole'
        const text = `${label} ${format(block.length)}`
        return (
          <g
            key={`${block.kind}-${block.base}`}
            data-testid={isSegment ? `segment-${block.name}` : `hole-${block.base}`}
            onClick={isSegment ? () => onSelect(block.name) : undefined}
            className={isSegment ? 'memtrack-segment' : undefined}
          >
            <rect
              x={x}
              y={4}
              width={w}
              height={HEIGHT - 8}
              fill={isSegment ? colorFor(block.process) : 'url(#memtrack-hole)'}
              stroke={isSegment && selected === block.name ? '#151515' : '#ffffff'}
              strokeWidth={isSegment && selected === block.name ? 3 : 1}
            />
            {w > text.length * 7 && (
              <text
                x={x + w / 2}
                y={HEIGHT / 2 + 4}
                textAnchor='middle'
                className={isSegment ? 'memtrack-segment-label' : 'memtrack-hole-label'}
              >
                {text}
              </text>
            )}
            <title>{`${label}: base ${block.base}, length ${block.length} (${format(block.length)})`}</title>
          </g>
        )
      })}
    </svg>
  </div>
)
