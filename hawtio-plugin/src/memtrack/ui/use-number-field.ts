import { useState } from 'react'
import { FieldReading, NumberCheck, readNumberField } from '../lib/number-input'

/** A number field of a form: the text as typed and what it reads as now (see `readNumberField`). */
export type NumberFieldState = FieldReading & {
  readonly text: string
  readonly setText: (text: string) => void
}

type Options = {
  /** The text the field starts with. */
  readonly initial?: string
  /** Blank means "leave the setting as it is" rather than an error. */
  readonly optional?: boolean
}

/** Holds the text of a number field and checks it with `parse` (e.g. `parseWholeNumber` and a range) on every render. */
export function useNumberField(parse: (text: string) => NumberCheck, { initial = '', optional = false }: Options = {}): NumberFieldState {
  const [text, setText] = useState(initial)
  return { ...readNumberField(text, parse, optional), text, setText }
}
