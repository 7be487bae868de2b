import { FormSelect, FormSelectOption } from '@patternfly/react-core'
import React from 'react'

type Props = {
  /** The accessible name. */
  readonly label: string
  readonly id?: string
  /** The names the JVM offers (algorithms, strategies, patterns); empty before the first read. */
  readonly names: readonly string[]
  readonly value: string
  readonly onChange: (name: string) => void
}

/** Picks one of the names the JVM offers; until it has answered, the chosen name is the only option. */
export const NameSelect: React.FunctionComponent<Props> = ({ label, id, names, value, onChange }) => (
  <FormSelect id={id} aria-label={label} value={value} onChange={(_e, name) => onChange(name)}>
    {(names.length > 0 ? names : [value]).map(name => (
      <FormSelectOption key={name} value={name} label={name} />
    ))}
  </FormSelect>
)
