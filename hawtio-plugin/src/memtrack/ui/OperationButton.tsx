import { Button, ButtonProps } from '@patternfly/react-core'
import React from 'react'
import { OperationAction, OperationState } from './use-operation'

type Props = Omit<ButtonProps, 'onClick' | 'isDisabled' | 'action'> & {
  readonly operation: OperationState
  /** What the button does, or null while the form cannot be sent (bad or missing input): the button is disabled then. */
  readonly action: OperationAction | null
}

/**
 * A button (secondary unless told otherwise) that performs one operation of a form through `operation`:
 * disabled while the form is not ready and while any operation of the form runs, so a second click never
 * sends the same change twice.
 */
export const OperationButton: React.FunctionComponent<Props> = ({ operation, action, variant = 'secondary', ...button }) => (
  <Button {...button} variant={variant} onClick={() => action && operation.run(action)} isDisabled={action === null || operation.busy} />
)
