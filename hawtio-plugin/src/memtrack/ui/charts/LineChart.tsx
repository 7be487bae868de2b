import React from 'react'
import { linePath, linearScale, niceTicks, valueAxis } from '../../lib/chart-scale'
import { formatClock } from '../../lib/format'
import { Series, latest, valueRange } from '../../lib/rolling-series'
import { useWidth } from './use-width'

export type LineSeries = {
  readonly label: string
  readonly color: string
  readonly data: Series
  readonly dashed?: boolean
}

type Props = {
  /** Names the chart for screen readers and tests. */
  readonly title: string
  readonly series: readonly LineSeries[]
  /** Formats values on the axis and in the legend. */
  readonly format: (value: number) => string
  /** Formats x values; time of day by default (x is epoch milliseconds). */
  readonly formatX?: (value: number) => string
  /** A value the axis always reaches, e.g. 100 for percentages. */
  readonly ceiling?: number
  /** Marks each point (for short series such as a fault curve). */
  readonly showPoints?: boolean
  /** Values are bytes: axis ticks at round KiB / MiB / GiB. */
  readonly binary?: boolean
  readonly height?: number
  readonly emptyText?: string
}

const MARGIN = { left: 72, right: 16, top: 10, bottom: 24 }

/** A small SVG line chart with a legend showing each series' latest value. */
export const LineChart: React.FunctionComponent<Props> = props => {
  const { title, series, format, formatX = formatClock, ceiling, showPoints = false, binary = false, height = 180 } = props
  const [ref, width] = useWidth<HTMLDivElement>(640)
  const all = series.flatMap(s => s.data)
  const chartId = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  if (all.length === 0) {
    return (
      <div ref={ref} className='memtrack-chart-empty' data-testid={`chart-${chartId}`} role='img' aria-label={title}>
        {props.emptyText ?? 'Waiting for the first samples…'}
      </div>
    )
  }
  const xs = all.map(s => s.t)
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  const { domain, ticks } = valueAxis(valueRange(series.map(s => s.data)), { max: ceiling, binary })
  const WIDTH = Math.max(width, 240)
  const plotBottom = height - MARGIN.bottom
  const x = linearScale(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1], [MARGIN.left, WIDTH - MARGIN.right])
  const y = linearScale(domain, [plotBottom, MARGIN.top])
  // Ticks closer than the label's resolution (a second of clock time) would repeat a label: keep the first.
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(WIDTH / 140)))
    .filter(t => t >= x0 && t <= x1)
    .filter((t, i, all) => i === 0 || formatX(t) !== formatX(all[i - 1] as number))

  return (
    <figure className='memtrack-chart' data-testid={`chart-${chartId}`} data-samples={Math.max(...series.map(s => s.data.length))}>
      <div ref={ref}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role='img' aria-label={title}>
          {ticks.map(t => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className='memtrack-grid' />
              <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor='end' className='memtrack-axis-label'>
                {format(t)}
              </text>
            </g>
          ))}
          {xTicks.map(t => (
            <text key={`x${t}`} x={x(t)} y={height - 6} textAnchor='middle' className='memtrack-axis-label'>
              {formatX(t)}
            </text>
          ))}
          {series.map(s => (
            <g key={s.label}>
              <path
                d={linePath(s.data.map(p => ({ x: x(p.t), y: y(p.v) })))}
                fill='none'
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
              {showPoints
                ? s.data.map(p => (
                    <circle key={p.t} cx={x(p.t)} cy={y(p.v)} r={3} fill={s.color}>
                      <title>{`${s.label} at ${formatX(p.t)}: ${format(p.v)}`}</title>
                    </circle>
                  ))
                : lastPoint(s.data, p => <circle cx={x(p.t)} cy={y(p.v)} r={3} fill={s.color} />)}
            </g>
          ))}
        </svg>
      </div>
      <figcaption className='memtrack-legend'>
        {series.map(s => {
          const value = latest(s.data)
          return (
            <span key={s.label} className='memtrack-legend-item' data-testid={`legend-${s.label}`}>
              <span className='memtrack-swatch' style={{ background: s.color }} />
              {s.label}: <strong>{value === undefined ? 'n/a' : format(value)}</strong>
            </span>
          )
        })}
      </figcaption>
    </figure>
  )
}

/** The newest sample marked, so a series shows from its first sample on (one point draws no line). */
function lastPoint(data: Series, draw: (sample: Series[number]) => React.ReactElement): React.ReactElement | null {
  const newest = data[data.length - 1]
  return newest ? draw(newest) : null
}
