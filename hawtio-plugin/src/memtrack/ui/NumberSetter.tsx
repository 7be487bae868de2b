import { InputGroup, InputGroupItem } from '@patternfly/react-core'
import React from 'react'
import { NumberCheck } from '../lib/number-input'
import { FieldErrors, NumberField } from './NumberField'
import { OperationButton } from './OperationButton'
import { useNumberField } from './use-number-field'
import { OperationState } from './use-operation'

type Props = {
  /** The accessible name of the input. */
  readonly label: string
  readonly id?: string
  readonly parse: (text: string) => NumberCheck
  /** The setting's value now, shown in the blank field. */
  readonly current: string
  readonly operation: OperationState
  /** Sends the checked value to the JVM; resolves with the sentence that says what changed. */
  readonly apply: (value: number) => Promise<string>
  /** The button's text, and its accessible name where the text alone is ambiguous (a button per table row). */
  readonly button: string
  readonly buttonLabel?: string
  /** A small control for a table cell (a narrower field, a plain button) rather than a form's field and secondary button. */
  readonly inTable?: boolean
  /** The field fills the width it is given instead of a narrow one. */
  readonly fill?: boolean
}

/**
 * Changes one numeric setting: type a new value (the current one shows while the field is blank), then the
 * button or Enter applies it. The text is checked before anything is sent and cleared once the JVM took it.
 */
export const NumberSetter: React.FunctionComponent<Props> = props => {
  const { label, id, parse, current, operation, apply, button, buttonLabel, inTable = false, fill = false } = props
  const field = useNumberField(parse, { optional: true })
  const value = field.value
  const action =
    value === null
      ? null
      : async () => {
          const done = await apply(value)
          field.setText('')
          return done
        }
  return (
    <React.Fragment>
      <InputGroup className='memtrack-number-setter'>
        <InputGroupItem isFill={fill}>
          <NumberField
            field={field}
            label={label}
            id={id}
            placeholder={current}
            width={fill ? undefined : inTable ? '5rem' : '6rem'}
            onEnter={() => action && !operation.busy && operation.run(action)}
          />
        </InputGroupItem>
        <InputGroupItem>
          <OperationButton operation={operation} action={action} variant={inTable ? 'control' : 'secondary'} aria-label={buttonLabel}>
            {button}
          </OperationButton>
        </InputGroupItem>
      </InputGroup>
      <FieldErrors fields={[field]} />
    </React.Fragment>
  )
}
