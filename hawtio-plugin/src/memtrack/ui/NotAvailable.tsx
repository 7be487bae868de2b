import { Alert, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core'
import React from 'react'
import { MBeanValues } from '../memtrack-service'

/** A part of memtrack this JVM does not have (its MBean is not registered): a state, not an error. */
export const NotAvailable: React.FunctionComponent<{ what: string; why: string; mbean: string }> = ({ what, why, mbean }) => (
  <EmptyState titleText={`${what} not available in this JVM`} headingLevel='h3' data-testid='not-available'>
    <EmptyStateBody>
      {why} (no MBean <code>{mbean}</code>).
    </EmptyStateBody>
  </EmptyState>
)

/**
 * A poll that failed: the JVM cannot be reached (`error`), or it answered but could not read the page's MBean
 * (`result`). The last values stay on the page.
 */
export const PollError: React.FunctionComponent<{ error: string | null; result?: MBeanValues }> = ({ error, result }) => {
  const message = error ?? (result?.kind === 'error' ? result.message : null)
  return message ? <Alert variant='warning' isInline title={message} data-testid='poll-error' /> : null
}

/** Before the first poll has answered; shows why when the poll fails. */
export const Loading: React.FunctionComponent<{ error: string | null }> = ({ error }) =>
  error ? <PollError error={error} /> : <Spinner size='lg' aria-label='Reading the JVM' />

export type Notice = { readonly what: string; readonly why: string; readonly mbean: string }

/** The notice of a simulator page: the agent offers its simulators all together or not at all. */
export function simulatorNotice(what: string, mbean: string): Notice {
  return { what, why: 'The memtrack agent in this JVM does not offer the simulators', mbean }
}

/**
 * What a page shows instead of its content while its MBean's first read is pending, or when the JVM does not
 * have that MBean (allocation tracking, policy); null once there are values (or a failure to show inline).
 */
export function unavailableState(result: MBeanValues | undefined, error: string | null, notice: Notice): React.ReactElement | null {
  if (!result) {
    return <Loading error={error} />
  }
  return result.kind === 'missing' ? <NotAvailable {...notice} /> : null
}
