import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core'
import React from 'react'

type Props<M extends string> = {
  /** The accessible name of the group. */
  readonly label: string
  readonly id?: string
  readonly modes: readonly M[]
  readonly selected: M | string
  /** Each button's id is this prefix and the mode, e.g. memtrack-policy-ENFORCE. */
  readonly idPrefix: string
  /** The button's text; the mode's own name by default. */
  readonly text?: (mode: M) => string
  readonly isDisabled?: boolean
  readonly onSelect: (mode: M) => void
}

/** One of a few modes, chosen by pressing its button; the mode in force is shown pressed. */
export function ModeToggle<M extends string>({
  label,
  id,
  modes,
  selected,
  idPrefix,
  text,
  isDisabled,
  onSelect,
}: Props<M>): React.ReactElement {
  return (
    <ToggleGroup aria-label={label} id={id}>
      {modes.map(mode => (
        <ToggleGroupItem
          key={mode}
          text={text ? text(mode) : mode}
          buttonId={`${idPrefix}${mode}`}
          isSelected={selected === mode}
          isDisabled={isDisabled}
          onChange={() => onSelect(mode)}
        />
      ))}
    </ToggleGroup>
  )
}
