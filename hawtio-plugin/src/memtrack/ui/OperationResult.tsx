import { Alert, AlertActionCloseButton } from '@patternfly/react-core'
import React from 'react'
import { OperationState } from './use-operation'

/** The outcome of the last operation of a form, in words: the JVM's message on failure. */
export const OperationResult: React.FunctionComponent<{ state: OperationState; title?: string }> = ({ state, title }) => {
  if (state.error) {
    return (
      <Alert
        variant='danger'
        isInline
        isPlain={false}
        title={<span data-testid='operation-error-text'>{state.error}</span>}
        aria-live='polite'
        data-testid='operation-error'
        actionClose={<AlertActionCloseButton onClose={state.clear} />}
      >
        {title}
      </Alert>
    )
  }
  if (state.done) {
    return <Alert variant='success' isInline isPlain title={state.done} aria-live='polite' data-testid='operation-done' />
  }
  return null
}
