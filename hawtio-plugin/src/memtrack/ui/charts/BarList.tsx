import React from 'react'

export type Bar = { readonly label: string; readonly value: number; readonly color?: string; readonly note?: string }

type Props = {
  readonly title: string
  readonly bars: readonly Bar[]
  readonly format: (value: number) => string
  /** The value of a full-length bar; the largest value when absent. */
  readonly max?: number
}

/** Horizontal bars with labels and values, e.g. per-core CPU or faults per algorithm. */
export const BarList: React.FunctionComponent<Props> = ({ title, bars, format, max }) => {
  const full = max ?? Math.max(1e-9, ...bars.map(b => (Number.isFinite(b.value) ? b.value : 0)))
  return (
    <div className='memtrack-barlist' role='list' aria-label={title}>
      {bars.map(bar => {
        const share = Number.isFinite(bar.value) && full > 0 ? Math.min(1, Math.max(0, bar.value / full)) : 0
        return (
          <div key={bar.label} className='memtrack-bar-row' role='listitem' data-testid={`bar-${bar.label}`}>
            <span className='memtrack-bar-label'>{bar.label}</span>
            <span className='memtrack-bar-track'>
              <span className='memtrack-bar-fill' style={{ width: `${share * 100}%`, background: bar.color ?? '#0066cc' }} />
            </span>
            <span className='memtrack-bar-value'>
              {format(bar.value)}
              {bar.note ? <span className='memtrack-muted'> {bar.note}</span> : null}
            </span>
          </div>
        )
      })}
    </div>
  )
}
