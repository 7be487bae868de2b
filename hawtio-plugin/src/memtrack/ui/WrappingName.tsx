import React from 'react'
import { wrapPieces } from '../lib/name-wrap'

/** A long Java name (class, thread, allocation site) that wraps after its dots in a narrow column; the whole name is its tooltip. */
export const WrappingName: React.FunctionComponent<{ name: string }> = ({ name }) => (
  <span className='memtrack-wrapping-name' title={name}>
    {wrapPieces(name).map((piece, index) => (
      <React.Fragment key={index}>
        {index > 0 && <wbr />}
        {piece}
      </React.Fragment>
    ))}
  </span>
)
