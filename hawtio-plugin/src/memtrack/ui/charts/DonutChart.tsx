import React from 'react'
import { arcPath, pieSlices } from '../../lib/pie'

export type DonutPart = { readonly label: string; readonly value: number; readonly color: string }

type Props = {
  readonly title: string
  readonly parts: readonly DonutPart[]
  readonly format: (value: number) => string
  /** Text in the middle, e.g. the share of the first part. */
  readonly center: string
}

/** A donut chart with a legend, e.g. memory used versus free. */
export const DonutChart: React.FunctionComponent<Props> = ({ title, parts, format, center }) => {
  const slices = pieSlices(parts.map(p => p.value))
  const chartId = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  return (
    <figure className='memtrack-donut' data-testid={`donut-${chartId}`}>
      <svg viewBox='0 0 120 120' width={140} height={140} role='img' aria-label={title}>
        <circle cx={60} cy={60} r={42} fill='none' stroke='#f0f0f0' strokeWidth={24} />
        {slices.map((slice, i) => (
          <path key={parts[i]?.label} d={arcPath(60, 60, 54, 30, slice.start, slice.end)} fill={parts[i]?.color}>
            <title>{`${parts[i]?.label}: ${format(slice.value)} (${(slice.share * 100).toFixed(1)} %)`}</title>
          </path>
        ))}
        <text x={60} y={64} textAnchor='middle' className='memtrack-donut-center'>
          {center}
        </text>
      </svg>
      <figcaption className='memtrack-legend memtrack-legend-column'>
        <strong>{title}</strong>
        {parts.map((p, i) => (
          <span key={p.label} className='memtrack-legend-item' data-testid={`donut-part-${p.label}`}>
            <span className='memtrack-swatch' style={{ background: p.color }} />
            {p.label}: {format(p.value)} ({((slices[i]?.share ?? 0) * 100).toFixed(1)} %)
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
