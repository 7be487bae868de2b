import React from 'react'
import { linearScale, niceTicks, valueAxis } from '../../lib/chart-scale'
import { formatClock } from '../../lib/format'
import { PolicyDecision } from '../../types'
import { colors } from '../palette'
import { useWidth } from './use-width'

/** PatternFly label colour of each decision outcome of the contract. */
export const outcomeLabelColors: Readonly<Record<string, 'yellow' | 'green' | 'orange' | 'grey' | 'blue' | 'red'>> = {
  PENDING: 'yellow',
  EFFECTIVE: 'green',
  INEFFECTIVE: 'orange',
  UNDONE: 'grey',
  ADVISED: 'blue',
  FAILED: 'red',
}

/** Colour of each decision outcome of the contract. */
export const outcomeColors: Readonly<Record<string, string>> = {
  PENDING: colors.gold,
  EFFECTIVE: colors.green,
  INEFFECTIVE: colors.orange,
  UNDONE: colors.grey,
  ADVISED: colors.blue,
  FAILED: colors.red,
}

const HEIGHT = 170
const MARGIN = { left: 56, right: 16, top: 10, bottom: 24 }

/**
 * Decisions over time: each dot is one decision at its time, as high as its measured effect (the change
 * of the watched metric over the evaluation window); decisions still pending or advisory have no effect
 * yet and sit as rings on the zero line.
 */
export const DecisionTimeline: React.FunctionComponent<{ decisions: readonly PolicyDecision[] }> = ({ decisions }) => {
  const [ref, width] = useWidth<HTMLDivElement>(640)
  if (decisions.length === 0) {
    return (
      <p ref={ref} className='memtrack-muted'>
        No decisions yet.
      </p>
    )
  }
  const WIDTH = Math.max(width, 240)
  const times = decisions.map(d => d.timeMillis)
  const t0 = Math.min(...times)
  const t1 = Math.max(...times)
  const effects = decisions.map(d => d.effect).filter(Number.isFinite)
  const { domain, ticks } = valueAxis(effects.length ? { min: Math.min(0, ...effects), max: Math.max(0, ...effects) } : null)
  const x = linearScale(t0 === t1 ? [t0 - 30_000, t1 + 30_000] : [t0, t1], [MARGIN.left + 8, WIDTH - MARGIN.right - 8])
  const y = linearScale(domain, [HEIGHT - MARGIN.bottom, MARGIN.top])
  const xTicks = niceTicks(t0, t1, 4).filter(t => t >= t0 && t <= t1)
  return (
    <figure className='memtrack-chart' data-testid='decision-timeline'>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role='img'
          aria-label='Policy decisions over time with their measured effect'
        >
          {ticks.map(t => (
            <g key={t}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(t)}
                y2={y(t)}
                className={t === 0 ? 'memtrack-zero' : 'memtrack-grid'}
              />
              <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor='end' className='memtrack-axis-label'>
                {t}
              </text>
            </g>
          ))}
          {xTicks.map(t => (
            <text key={`x${t}`} x={x(t)} y={HEIGHT - 6} textAnchor='middle' className='memtrack-axis-label'>
              {formatClock(t)}
            </text>
          ))}
          {decisions.map(d => {
            const measured = Number.isFinite(d.effect)
            const color = outcomeColors[d.outcome] ?? colors.grey
            return (
              <circle
                key={d.id}
                cx={x(d.timeMillis)}
                cy={y(measured ? d.effect : 0)}
                r={6}
                fill={measured ? color : '#ffffff'}
                stroke={color}
                strokeWidth={2}
              >
                <title>{`#${d.id} ${formatClock(d.timeMillis)} ${d.rule}: ${d.action} on ${d.target} — ${d.outcome}${measured ? `, effect ${d.effect}` : ''}`}</title>
              </circle>
            )
          })}
        </svg>
      </div>
      <figcaption className='memtrack-legend'>
        {Object.entries(outcomeColors).map(([outcome, color]) => (
          <span key={outcome} className='memtrack-legend-item'>
            <span className='memtrack-swatch' style={{ background: color }} />
            {outcome.toLowerCase()}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
