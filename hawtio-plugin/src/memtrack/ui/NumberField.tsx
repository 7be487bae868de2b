import { TextInput } from '@patternfly/react-core'
import React from 'react'
import { NumberFieldState } from './use-number-field'

type Props = {
  readonly field: NumberFieldState
  /** The accessible name; may be left out where a FormGroup names the input through `id`. */
  readonly label?: string
  readonly id?: string
  /** Shown while the field is blank, e.g. the setting's current value. */
  readonly placeholder?: string
  /** A CSS width such as '6rem'; numbers are short, so fields are narrow unless they fill a group. */
  readonly width?: string
  /** What Enter does in the field, e.g. apply the value. */
  readonly onEnter?: () => void
}

/** The input of a number field, marked invalid while its text is not a number the JVM accepts. */
export const NumberField: React.FunctionComponent<Props> = ({ field, label, id, placeholder, width, onEnter }) => (
  <TextInput
    id={id}
    aria-label={label}
    value={field.text}
    placeholder={placeholder}
    validated={field.error ? 'error' : 'default'}
    onChange={(_e, text) => field.setText(text)}
    onKeyDown={onEnter ? e => e.key === 'Enter' && onEnter() : undefined}
    style={width ? { width } : undefined}
  />
)

/**
 * Why the fields' text cannot be sent, one line per bad field, naming the field, quoting the text and giving
 * what is accepted. Placed under the row of inputs, so a message never squeezes into a narrow input's column.
 */
export const FieldErrors: React.FunctionComponent<{ fields: readonly NumberFieldState[] }> = ({ fields }) => (
  <React.Fragment>
    {fields.map((field, index) =>
      field.error ? (
        <span key={index} className='memtrack-error-text'>
          {field.error}
        </span>
      ) : null,
    )}
  </React.Fragment>
)
